package sabaq.signalling.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import sabaq.common.time.TimeSource;
import sabaq.signalling.account.Account;
import sabaq.signalling.account.Organisation;
import sabaq.signalling.audit.AccountChanges;
import sabaq.signalling.audit.Actor;
import sabaq.signalling.audit.Auditor;
import sabaq.signalling.audit.FailedAccessKind;
import sabaq.signalling.http.ApiException;
import sabaq.signalling.store.Repositories;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.UUID;

/**
 * Signing in with a password and a TOTP code, step by step (docs/security.md, "Signing in"): the password step, then,
 * as needed, the change of an initial password, TOTP enrolment or the TOTP code. Between steps the browser holds a
 * signed sign-in ticket naming the account and the next stage. Failed passwords and codes count toward the lockout of
 * the account and the address ({@link SignInThrottle}); a locked account is refused before its password is checked.
 * Every failure is written to the failed-access log; changes of credentials to the audit log.
 */
public final class SignInService {
    private final Repositories repos;
    private final Passwords passwords;
    private final SignInThrottle throttle;
    private final SessionTokens tokens;
    private final Auditor auditor;
    private final AuthConfig config;
    private final TimeSource time;
    private final SecureRandom random;

    public SignInService(Repositories repos, Passwords passwords, SignInThrottle throttle, SessionTokens tokens,
                         Auditor auditor, AuthConfig config, TimeSource time, SecureRandom random) {
        this.repos = Objects.requireNonNull(repos, "repos");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.config = Objects.requireNonNull(config, "config");
        this.time = Objects.requireNonNull(time, "time");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The outcome of a step: the account, and the next stage with its ticket, or none when signed in. */
    public record Step(UUID userId, SignInStage next, String ticket) {
        public boolean done() {
            return next == null;
        }
    }

    /** A TOTP key shown for enrolment: base32 and as an otpauth:// URI. */
    public record Enrolment(String secret, String uri) {
    }

    /** True when this account must give a TOTP code: always, unless a parent switched it off for a child under 16. */
    public boolean mfaNeeded(Account a) {
        if (!config.mfaRequired()) return false;
        return !(a.mfaWaivedBy() != null && a.birthDate() != null
                && Ages.years(a.birthDate(), Ages.today(time.epochMillis())) < config.mfaConsentAge());
    }

    public Future<Step> password(String rawLogin, String password, Actor from) {
        String login = Logins.normalise(rawLogin);
        if (login == null || login.isEmpty() || login.length() > 64 || password == null || password.length() > Passwords.MAX_LENGTH) {
            return Future.failedFuture(invalid());
        }
        return throttle.addressLockedUntil(from.ip()).compose(addressLock -> {
            if (addressLock > 0) return locked(Organisation.PLATFORM, login, null, from, addressLock, "address");
            return repos.accounts().byLogin(login).compose(a -> {
                if (a == null) {
                    return passwords.verifyDecoy(password)
                            .compose(x -> throttle.failure(null, from.ip()))
                            .compose(x -> auditor.failed(Organisation.PLATFORM, FailedAccessKind.UNKNOWN_LOGIN, login, null, from, null))
                            .compose(x -> Future.failedFuture(invalid()));
                }
                return throttle.accountLockedUntil(a.id()).compose(accountLock -> {
                    if (accountLock > 0) return locked(a.orgId(), login, a.id(), from, accountLock, "account");
                    Future<Boolean> ok = a.passwordHash() == null ? passwords.verifyDecoy(password)
                            : passwords.verify(password, a.passwordHash());
                    return ok.compose(match -> match ? passwordAccepted(a, password, from) : failure(a, from,
                            FailedAccessKind.BAD_PASSWORD, invalid()));
                });
            });
        });
    }

    private Future<Step> passwordAccepted(Account a, String password, Actor from) {
        if (!a.isActive()) {
            return auditor.failed(a.orgId(), FailedAccessKind.DISABLED, a.login(), a.id(), from, null)
                    .compose(x -> Future.failedFuture(new ApiException(403, "ACCOUNT_DISABLED", "this account is disabled")));
        }
        Future<Void> rehash = !passwords.needsRehash(a.passwordHash()) ? Future.succeededFuture()
                : passwords.hash(password).compose(h -> repos.accounts().update(a, a.edit().password(h, a.mustChangePassword())
                        .at(time.epochMillis()))).mapEmpty();
        Step step = next(a);
        // The failure count is cleared only when signing in is complete: a password step alone must not give an
        // attacker who knows the password fresh TOTP guesses.
        return (step.done() ? throttle.success(a.id()) : Future.<Void>succeededFuture()).compose(x -> rehash).map(step);
    }

    /** The step after the password (or after changing it): change it, enrol TOTP, give a code, or done. */
    private Step next(Account a) {
        SignInStage stage = null;
        if (a.mustChangePassword()) {
            stage = SignInStage.CHANGE_PASSWORD;
        } else if (mfaNeeded(a)) {
            stage = a.totpEnrolled() ? SignInStage.TOTP : SignInStage.ENROL_TOTP;
        }
        return new Step(a.id(), stage, stage == null ? null : tokens.issueTicket(a.id(), stage));
    }

    /** Replaces an initial password (stage change-password). */
    public Future<Step> changeInitialPassword(String ticket, String newPassword, Actor from) {
        return account(ticket, SignInStage.CHANGE_PASSWORD, from).compose(a -> {
            passwords.check(newPassword, a.login());
            return passwords.verify(newPassword, a.passwordHash()).compose(same -> {
                if (same) {
                    return Future.<Step>failedFuture(new ApiException(400, "PASSWORD_POLICY",
                            "choose a password other than the initial one", new JsonObject().put("minLength", passwords.minLength())));
                }
                return passwords.hash(newPassword).compose(hash -> {
                    Account after = a.edit().password(hash, false).at(time.epochMillis());
                    Step step = next(after);
                    return repos.accounts().update(a, after)
                            .compose(x -> auditor.record(from.as(a.id(), "self"), a.orgId(), "password.change", "user",
                                    a.id().toString(), a.id(), AccountChanges.diff(a, after)))
                            .compose(x -> step.done() ? throttle.success(a.id()) : Future.<Void>succeededFuture())
                            .map(step);
                });
            });
        });
    }

    /** The code of the enrolled authenticator (stage totp). */
    public Future<Step> totp(String ticket, String code, Actor from) {
        return account(ticket, SignInStage.TOTP, from).compose(a -> lockCheck(a, from)
                .compose(x -> checkCode(a, a.totpSecret(), code, from))
                .map(x -> new Step(a.id(), null, null)));
    }

    /** A new TOTP key for the account (stage enrol-totp), kept as pending until a code confirms it. */
    public Future<Enrolment> enrolStart(String ticket, Actor from) {
        return account(ticket, SignInStage.ENROL_TOTP, from).compose(a -> {
            byte[] key = new byte[Totp.KEY_BYTES];
            random.nextBytes(key);
            return repos.accounts().update(a, a.edit().totpPending(key).at(time.epochMillis()))
                    .map(x -> new Enrolment(Base32.encode(key), Totp.uri(config.totpIssuer(), a.login(), key)));
        });
    }

    /** Confirms enrolment with a code of the pending key (stage enrol-totp); the key becomes the account's. */
    public Future<Step> enrolConfirm(String ticket, String code, Actor from) {
        return account(ticket, SignInStage.ENROL_TOTP, from).compose(a -> {
            if (a.totpPending() == null) return Future.failedFuture(ApiException.badRequest("start the enrolment first"));
            return lockCheck(a, from).compose(x -> checkCode(a, a.totpPending(), code, from)).compose(x -> {
                Account after = a.edit().totpSecret(a.totpPending()).totpPending(null).at(time.epochMillis());
                return repos.accounts().update(a, after)
                        .compose(y -> auditor.record(from.as(a.id(), "self"), a.orgId(), "totp.enrol", "user",
                                a.id().toString(), a.id(), AccountChanges.diff(a, after)))
                        .map(y -> new Step(a.id(), null, null));
            });
        });
    }

    private Future<Void> checkCode(Account a, byte[] key, String code, Actor from) {
        long step = key == null ? -1 : Totp.match(key, code, time.epochMillis(), config.totpWindow());
        if (step < 0) {
            return failure(a, from, FailedAccessKind.BAD_TOTP, new ApiException(401, "TOTP_INVALID", "the code is wrong or expired"));
        }
        return repos.accounts().acceptTotpStep(a.id(), step).compose(fresh -> fresh
                ? throttle.success(a.id())
                : failure(a, from, FailedAccessKind.TOTP_REPLAY, new ApiException(401, "TOTP_REPLAYED",
                        "this code was used already; wait for the next one")));
    }

    private Future<Void> lockCheck(Account a, Actor from) {
        return throttle.accountLockedUntil(a.id()).compose(until -> until > 0
                ? locked(a.orgId(), a.login(), a.id(), from, until, "account") : Future.succeededFuture());
    }

    /** The account of a valid sign-in ticket at the expected stage. */
    private Future<Account> account(String ticket, SignInStage expected, Actor from) {
        SessionTokens.Checked<SessionTokens.Ticket> c = tokens.verifyTicket(ticket);
        if (c.expired() || ticket == null) {
            return Future.failedFuture(new ApiException(401, "SIGN_IN_EXPIRED", "start signing in again"));
        }
        if (!c.ok()) {
            return auditor.failed(Organisation.PLATFORM, FailedAccessKind.FORGED_TOKEN, null, null, from, "sign-in ticket: " + c.reason())
                    .compose(x -> Future.failedFuture(new ApiException(401, "SIGN_IN_EXPIRED", "start signing in again")));
        }
        if (c.value().stage() != expected) return Future.failedFuture(ApiException.badRequest("this sign-in step is not due"));
        return repos.accounts().byId(c.value().userId()).compose(a -> a == null || !a.isActive()
                ? Future.failedFuture(new ApiException(401, "SIGN_IN_EXPIRED", "start signing in again"))
                : Future.succeededFuture(a));
    }

    private <T> Future<T> failure(Account a, Actor from, FailedAccessKind kind, ApiException answer) {
        return throttle.failure(a.id(), from.ip())
                .compose(x -> auditor.failed(a.orgId(), kind, a.login(), a.id(), from, null))
                .compose(x -> Future.failedFuture(answer));
    }

    private <T> Future<T> locked(java.util.UUID orgId, String login, UUID userId, Actor from, long until, String scope) {
        long retryAfter = Math.max(1, (until - time.epochMillis() + 999) / 1000);
        return auditor.failed(orgId, FailedAccessKind.LOCKED, login, userId, from, scope + " locked for " + retryAfter + " s")
                .compose(x -> Future.failedFuture(new ApiException(429, "LOCKED", "too many failed attempts; try again later",
                        new JsonObject().put("retryAfter", retryAfter).put("scope", scope))));
    }

    private static ApiException invalid() {
        return new ApiException(401, "INVALID_CREDENTIALS", "wrong login or password");
    }
}
