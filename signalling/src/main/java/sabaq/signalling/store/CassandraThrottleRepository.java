package sabaq.signalling.store;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.vertx.core.Future;
import sabaq.signalling.auth.ThrottleRepository;
import sabaq.signalling.auth.ThrottleState;

import java.time.Duration;

/**
 * Sign-in failure counters in Cassandra. Read-modify-write without a transaction: attempts racing each other may
 * count once instead of twice, which only delays a lock by an attempt or two.
 */
final class CassandraThrottleRepository implements ThrottleRepository {
    private final CassandraStore store;
    private final PreparedStatement select;
    private final PreparedStatement upsert;
    private final PreparedStatement delete;

    CassandraThrottleRepository(CassandraStore store) {
        this.store = store;
        select = store.prepare("SELECT failures, last_failure, locked_until FROM sign_in_throttle WHERE key = ?");
        upsert = store.prepare("INSERT INTO sign_in_throttle (key, failures, last_failure, locked_until) VALUES (?, ?, ?, ?)"
                + " USING TTL ?");
        delete = store.prepare("DELETE FROM sign_in_throttle WHERE key = ?");
    }

    @Override
    public Future<ThrottleState> get(String key) {
        return store.one(select.bind(key)).map(r -> r == null ? ThrottleState.CLEAR
                : new ThrottleState(r.getInt("failures"), Rows.millis(r, "last_failure"), Rows.millis(r, "locked_until")));
    }

    @Override
    public Future<Void> put(String key, ThrottleState s, Duration ttl) {
        return store.execute(upsert.bind(key, s.failures(), Rows.instant(s.lastFailure()), Rows.instant(s.lockedUntil()),
                Rows.ttlSeconds(ttl))).mapEmpty();
    }

    @Override
    public Future<Void> clear(String key) {
        return store.execute(delete.bind(key)).mapEmpty();
    }
}
