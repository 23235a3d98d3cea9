package sabaq.signalling.auth;

import io.vertx.core.Future;

import java.time.Duration;

/** Sign-in failure counters, keyed {@code account:<id>} or {@code ip:<address>}; entries expire after {@code ttl}. */
public interface ThrottleRepository {
    /** {@link ThrottleState#CLEAR} when there is none. */
    Future<ThrottleState> get(String key);

    Future<Void> put(String key, ThrottleState state, Duration ttl);

    Future<Void> clear(String key);
}
