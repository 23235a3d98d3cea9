package sabaq.signalling.testing.memory;

import io.vertx.core.Future;
import sabaq.signalling.audit.FailedAccess;
import sabaq.signalling.audit.FailedAccessLog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** In-memory {@link FailedAccessLog} for unit tests. */
final class MemoryFailedAccessLog implements FailedAccessLog {
    private final List<FailedAccess> attempts = new ArrayList<>();

    @Override
    public synchronized Future<Void> record(FailedAccess attempt) {
        attempts.add(attempt);
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<List<FailedAccess>> byOrg(UUID orgId, long from, long to, int limit) {
        return Future.succeededFuture(new ArrayList<>(attempts.stream().filter(a -> a.orgId().equals(orgId))
                .filter(a -> a.at() >= from && a.at() <= to)
                .sorted(Comparator.comparingLong(FailedAccess::at).reversed()).limit(limit).toList()));
    }
}
