package sabaq.signalling.testing.memory;

import io.vertx.core.Future;
import sabaq.signalling.auth.ThrottleRepository;
import sabaq.signalling.auth.ThrottleState;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** In-memory {@link ThrottleRepository} for unit tests. */
final class MemoryThrottle implements ThrottleRepository {
    private final Map<String, ThrottleState> states = new HashMap<>();

    @Override
    public synchronized Future<ThrottleState> get(String key) {
        return Future.succeededFuture(states.getOrDefault(key, ThrottleState.CLEAR));
    }

    @Override
    public synchronized Future<Void> put(String key, ThrottleState state, Duration ttl) {
        states.put(key, state);
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Void> clear(String key) {
        states.remove(key);
        return Future.succeededFuture();
    }
}
