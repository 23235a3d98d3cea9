package sabaq.signalling.audit;

import io.vertx.core.Future;

import java.util.List;
import java.util.UUID;

/** The append-only log of failed access attempts, queryable per organisation and period (newest first). */
public interface FailedAccessLog {
    Future<Void> record(FailedAccess attempt);

    Future<List<FailedAccess>> byOrg(UUID orgId, long from, long to, int limit);
}
