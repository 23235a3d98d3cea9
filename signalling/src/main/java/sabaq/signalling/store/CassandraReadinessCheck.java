package sabaq.signalling.store;

import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import sabaq.signalling.ops.ReadinessCheck;

import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * {@code /readyz}'s {@code storage} check: one cheap query ({@code release_version} of {@code system.local}) through
 * the asynchronous driver, so the server reports not ready while Cassandra is unreachable. Never blocks.
 */
public final class CassandraReadinessCheck implements ReadinessCheck {
    private static final SimpleStatement PROBE = SimpleStatement.newInstance("SELECT release_version FROM system.local");
    private final CassandraStore store;

    public CassandraReadinessCheck(CassandraStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public String name() {
        return "storage";
    }

    @Override
    public CompletionStage<Void> check() {
        return store.one(PROBE).<Void>map(row -> {
            if (row == null) throw new IllegalStateException("Cassandra answered no system.local row");
            return null;
        }).toCompletionStage();
    }
}
