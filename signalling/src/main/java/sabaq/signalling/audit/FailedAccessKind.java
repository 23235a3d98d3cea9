package sabaq.signalling.audit;

import java.util.Locale;

/** Why an access attempt failed (the failed-access log, order No. 456: attempts with invalid credentials). */
public enum FailedAccessKind {
    /** Wrong password for an existing login. */
    BAD_PASSWORD,
    /** No account has this login. */
    UNKNOWN_LOGIN,
    /** Wrong or expired TOTP code. */
    BAD_TOTP,
    /** A TOTP code that was already used. */
    TOTP_REPLAY,
    /** Refused without checking: the account or the address is locked after repeated failures. */
    LOCKED,
    /** The account is disabled. */
    DISABLED,
    /** A session, sign-in or refresh token that does not verify (forged, tampered, or signed with another key). */
    FORGED_TOKEN,
    /** A refresh token presented a second time: the session was revoked. */
    REFRESH_REUSE,
    /** A signed-in person tried an action their roles do not allow. */
    FORBIDDEN,
    /** A state-changing request without the same-origin proof (CSRF). */
    CSRF,
    /** An OpenID Connect answer that failed verification. */
    OIDC_FAILED,
    /** A verified OpenID Connect identity that matches no account. */
    OIDC_NO_ACCOUNT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
