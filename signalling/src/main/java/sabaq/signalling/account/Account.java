package sabaq.signalling.account;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A person's account. {@code login} is unique on the server (lower case); {@code passwordHash} is an Argon2id PHC
 * string (null for accounts that only sign in through OpenID Connect); {@code totpSecret} is the enrolled RFC 6238
 * key (null: not enrolled) and {@code totpPending} one shown for enrolment but not yet confirmed. {@code mfaWaivedBy}
 * is the parent who switched the second factor off for this child (honoured only while the child is under 16).
 * {@code oidcIssuer}/{@code oidcSubject} link the account to an identity provider. Times are epoch milliseconds.
 * Secrets never leave the server and never enter the audit log. Immutable; change it with {@link #edit()}.
 */
public record Account(UUID id, UUID orgId, String login, String displayName, String email, LocalDate birthDate,
                      AccountStatus status, String passwordHash, boolean mustChangePassword, byte[] totpSecret,
                      byte[] totpPending, UUID mfaWaivedBy, String oidcIssuer, String oidcSubject, long createdAt,
                      long updatedAt) {
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(status, "status");
        totpSecret = totpSecret == null ? null : totpSecret.clone();
        totpPending = totpPending == null ? null : totpPending.clone();
    }

    @Override
    public byte[] totpSecret() {
        return totpSecret == null ? null : totpSecret.clone();
    }

    @Override
    public byte[] totpPending() {
        return totpPending == null ? null : totpPending.clone();
    }

    public boolean totpEnrolled() {
        return totpSecret != null;
    }

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }

    public Edit edit() {
        return new Edit(this);
    }

    @Override
    public String toString() {
        return "Account[" + id + " " + login + "]";
    }

    /** A changed copy. */
    public static final class Edit {
        private final Account a;
        private String login;
        private String displayName;
        private String email;
        private LocalDate birthDate;
        private AccountStatus status;
        private String passwordHash;
        private boolean mustChangePassword;
        private byte[] totpSecret;
        private byte[] totpPending;
        private UUID mfaWaivedBy;
        private String oidcIssuer;
        private String oidcSubject;

        private Edit(Account a) {
            this.a = a;
            login = a.login;
            displayName = a.displayName;
            email = a.email;
            birthDate = a.birthDate;
            status = a.status;
            passwordHash = a.passwordHash;
            mustChangePassword = a.mustChangePassword;
            totpSecret = a.totpSecret;
            totpPending = a.totpPending;
            mfaWaivedBy = a.mfaWaivedBy;
            oidcIssuer = a.oidcIssuer;
            oidcSubject = a.oidcSubject;
        }

        public Edit login(String v) {
            login = v;
            return this;
        }

        public Edit displayName(String v) {
            displayName = v;
            return this;
        }

        public Edit email(String v) {
            email = v;
            return this;
        }

        public Edit birthDate(LocalDate v) {
            birthDate = v;
            return this;
        }

        public Edit status(AccountStatus v) {
            status = v;
            return this;
        }

        public Edit password(String hash, boolean mustChange) {
            passwordHash = hash;
            mustChangePassword = mustChange;
            return this;
        }

        public Edit totpSecret(byte[] v) {
            totpSecret = v;
            return this;
        }

        public Edit totpPending(byte[] v) {
            totpPending = v;
            return this;
        }

        public Edit mfaWaivedBy(UUID v) {
            mfaWaivedBy = v;
            return this;
        }

        public Edit oidc(String issuer, String subject) {
            oidcIssuer = issuer;
            oidcSubject = subject;
            return this;
        }

        /** The changed account, stamped {@code updatedAt = now}. */
        public Account at(long now) {
            return new Account(a.id, a.orgId, login, displayName, email, birthDate, status, passwordHash,
                    mustChangePassword, totpSecret, totpPending, mfaWaivedBy, oidcIssuer, oidcSubject, a.createdAt, now);
        }
    }
}
