package sabaq.signalling.testing.memory;

import io.vertx.core.Future;
import sabaq.signalling.auth.oidc.PendingLogin;
import sabaq.signalling.auth.oidc.PendingLoginRepository;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** In-memory {@link PendingLoginRepository} for unit tests. */
final class MemoryPendingLogins implements PendingLoginRepository {
    private final Map<String, PendingLogin> pending = new HashMap<>();

    @Override
    public synchronized Future<Void> put(String state, PendingLogin login, Duration ttl) {
        if (pending.putIfAbsent(state, login) != null) return Future.failedFuture("OIDC state collision");
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<PendingLogin> take(String state) {
        return Future.succeededFuture(pending.remove(state));
    }
}
