package sabaq.signalling.account;

import io.vertx.core.Future;

import java.util.List;
import java.util.UUID;

/** Stored accounts and their lookups (by login, e-mail, OpenID Connect identity). Lookups yield null when absent. */
public interface AccountRepository {
    /** Stores a new account; false (nothing stored) when its login is taken. */
    Future<Boolean> create(Account account);

    Future<Account> byId(UUID id);

    /** Logins are stored in lower case; pass a lower-case login. */
    Future<Account> byLogin(String login);

    Future<Account> byOidc(String issuer, String subject);

    Future<List<Account>> byEmail(UUID orgId, String email);

    Future<List<Account>> inOrg(UUID orgId);

    /**
     * Replaces {@code before} with {@code after} (same id) and keeps the lookups in step; false (nothing changed) when
     * the login changed to one that is taken.
     */
    Future<Boolean> update(Account before, Account after);

    Future<Void> delete(Account account);

    /**
     * TOTP replay protection (RFC 6238 section 5.2): records {@code step} as the last accepted time step of the
     * account; false when a step at or after it was accepted already, so each code works once.
     */
    Future<Boolean> acceptTotpStep(UUID userId, long step);
}
