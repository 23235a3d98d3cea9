package sabaq.signalling.account;

import io.vertx.core.Future;
import sabaq.common.time.TimeSource;
import sabaq.signalling.audit.AccountChanges;
import sabaq.signalling.audit.Actor;
import sabaq.signalling.audit.Auditor;
import sabaq.signalling.audit.FieldChange;
import sabaq.signalling.auth.Passwords;
import sabaq.signalling.auth.SessionService;
import sabaq.signalling.http.ApiException;
import sabaq.signalling.store.Repositories;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Creating, changing and deleting accounts (order No. 456: accounts, initial passwords). Each change is written to
 * the audit log with the personal-data fields before and after; a disabled or deleted account's sessions end at once.
 * Callers check the access policy first.
 */
public final class AccountService {
    private final Repositories repos;
    private final Passwords passwords;
    private final SessionService sessions;
    private final RoleService roles;
    private final Auditor auditor;
    private final TimeSource time;

    public AccountService(Repositories repos, Passwords passwords, SessionService sessions, RoleService roles,
                          Auditor auditor, TimeSource time) {
        this.repos = Objects.requireNonNull(repos, "repos");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.roles = Objects.requireNonNull(roles, "roles");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.time = Objects.requireNonNull(time, "time");
    }

    /** A created account and its initial password when it was generated (shown once to the administrator). */
    public record Created(Account account, String generatedPassword) {
    }

    public Future<Account> require(UUID userId) {
        return repos.accounts().byId(userId).compose(a -> a == null
                ? Future.failedFuture(ApiException.notFound("no such user")) : Future.succeededFuture(a));
    }

    /**
     * Creates an account in {@code orgId} with an initial password (to be changed at the first sign-in) and grants
     * its roles. 409 {@code LOGIN_TAKEN} when the login exists.
     */
    public Future<Created> create(Actor actor, UUID orgId, NewAccount n) {
        String generated = n.initialPassword() == null ? passwords.generate() : null;
        String password = generated != null ? generated : n.initialPassword();
        passwords.check(password, n.login());
        return roles.checkGroups(orgId, n.roles()).compose(x -> passwords.hash(password)).compose(hash -> {
            long now = time.epochMillis();
            Account a = new Account(UUID.randomUUID(), orgId, n.login(), n.displayName(), n.email(), n.birthDate(),
                    AccountStatus.ACTIVE, hash, true, null, null, null, null, null, now, now);
            return create(actor, a, n.roles()).map(created -> new Created(created, generated));
        });
    }

    /** Stores a prepared account (password hashed) and grants its roles; audited as {@code user.create}. */
    public Future<Account> create(Actor actor, Account a, List<RoleSpec> grants) {
        return repos.accounts().create(a).compose(ok -> {
            if (!ok) return Future.failedFuture(new ApiException(409, "LOGIN_TAKEN", "this login is taken"));
            List<FieldChange> changes = new ArrayList<>(AccountChanges.diff(null, a));
            for (RoleSpec r : grants) changes.add(FieldChange.of("role", null, label(r)));
            return auditor.record(actor, a.orgId(), "user.create", "user", a.id().toString(), a.id(), changes)
                    .compose(v -> roles.grantAll(actor, a, grants, false))
                    .map(a);
        });
    }

    /** The fields of a profile change; null leaves a field as it is (an empty e-mail removes it). */
    public record Patch(String login, String displayName, String email, boolean emailGiven, java.time.LocalDate birthDate,
                        boolean birthDateGiven, AccountStatus status) {
    }

    /** Changes personal data and status; audited as {@code action} ({@code user.update} or {@code profile.update}). */
    public Future<Account> update(Actor actor, Account before, Patch p, String action) {
        Account.Edit e = before.edit();
        if (p.login() != null) e.login(p.login());
        if (p.displayName() != null) e.displayName(p.displayName());
        if (p.emailGiven()) e.email(p.email());
        if (p.birthDateGiven()) e.birthDate(p.birthDate());
        if (p.status() != null) e.status(p.status());
        Account after = e.at(time.epochMillis());
        List<FieldChange> changes = AccountChanges.diff(before, after);
        if (changes.isEmpty()) return Future.succeededFuture(before);
        return repos.accounts().update(before, after).compose(ok -> {
            if (!ok) return Future.failedFuture(new ApiException(409, "LOGIN_TAKEN", "this login is taken"));
            Future<Void> end = after.isActive() ? Future.succeededFuture() : sessions.endAll(after.id());
            return end.compose(v -> auditor.record(actor, after.orgId(), action, "user", after.id().toString(),
                    after.id(), changes)).map(after);
        });
    }

    /** Deletes the account: its roles are revoked (history kept), links removed, sessions ended; audited. */
    public Future<Void> delete(Actor actor, Account a) {
        return roles.revokeAll(actor, a)
                .compose(v -> roles.unlinkAll(a.id()))
                .compose(v -> sessions.endAll(a.id()))
                .compose(v -> repos.accounts().delete(a))
                .compose(v -> auditor.record(actor, a.orgId(), "user.delete", "user", a.id().toString(), a.id(),
                        AccountChanges.diff(a, null)));
    }

    /**
     * Sets a new initial password (given or generated; to be changed at the next sign-in) and/or removes the TOTP
     * enrolment (re-enrolled at the next sign-in). Ends the account's sessions. Returns the generated password or null.
     */
    public Future<String> resetCredentials(Actor actor, Account a, boolean newPassword, String given, boolean resetTotp) {
        String generated = newPassword && given == null ? passwords.generate() : null;
        String password = given != null ? given : generated;
        if (password != null) passwords.check(password, a.login());
        Future<String> hash = password == null ? Future.succeededFuture(null) : passwords.hash(password);
        return hash.compose(h -> {
            Account.Edit e = a.edit();
            if (h != null) e.password(h, true);
            if (resetTotp) e.totpSecret(null).totpPending(null);
            Account after = e.at(time.epochMillis());
            return repos.accounts().update(a, after)
                    .compose(v -> sessions.endAll(a.id()))
                    .compose(v -> auditor.record(actor, a.orgId(), "user.reset-credentials", "user", a.id().toString(),
                            a.id(), AccountChanges.diff(a, after)))
                    .map(generated);
        });
    }

    /** Changes one's own password after checking the current one; ends the other sessions. */
    public Future<Account> changeOwnPassword(Actor actor, Account a, String current, String next) {
        passwords.check(next, a.login());
        Future<Boolean> ok = a.passwordHash() == null || current == null ? Future.succeededFuture(false)
                : passwords.verify(current, a.passwordHash());
        return ok.compose(match -> {
            if (!match) return Future.failedFuture(new ApiException(400, "INVALID_CREDENTIALS", "the current password is wrong"));
            return passwords.hash(next).compose(h -> {
                Account after = a.edit().password(h, false).at(time.epochMillis());
                return repos.accounts().update(a, after)
                        .compose(v -> sessions.endAll(a.id()))
                        .compose(v -> auditor.record(actor, a.orgId(), "password.change", "user", a.id().toString(),
                                a.id(), AccountChanges.diff(a, after)))
                        .map(after);
            });
        });
    }

    static String label(RoleSpec r) {
        return r.groupId() == null ? r.role().wireName() : r.role().wireName() + "@" + r.groupId();
    }
}
