package sabaq.signalling.audit;

import io.vertx.core.Future;

import java.util.List;
import java.util.UUID;

/**
 * The append-only audit log of actions on personal data and critical functions. There is deliberately no way to
 * change or remove an entry. Queries cover {@code [from, to]} (epoch ms, inclusive), newest first, at most
 * {@code limit} entries.
 */
public interface AuditLog {
    Future<Void> append(AuditEntry entry);

    Future<List<AuditEntry>> byOrg(UUID orgId, long from, long to, int limit);

    /** What one person did. */
    Future<List<AuditEntry>> byActor(UUID actorId, long from, long to, int limit);

    /** What was done to one person's data. */
    Future<List<AuditEntry>> bySubject(UUID subjectId, long from, long to, int limit);
}
