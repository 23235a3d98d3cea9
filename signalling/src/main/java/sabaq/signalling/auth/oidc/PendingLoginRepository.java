package sabaq.signalling.auth.oidc;

import io.vertx.core.Future;

import java.time.Duration;

/** OpenID Connect logins in progress, by {@code state}. */
public interface PendingLoginRepository {
    Future<Void> put(String state, PendingLogin login, Duration ttl);

    /** Removes and returns the login; null when unknown, expired or taken already (each state works once). */
    Future<PendingLogin> take(String state);
}
