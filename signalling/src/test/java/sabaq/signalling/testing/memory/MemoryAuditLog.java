package sabaq.signalling.testing.memory;

import io.vertx.core.Future;
import sabaq.signalling.audit.AuditEntry;
import sabaq.signalling.audit.AuditLog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/** In-memory {@link AuditLog} for unit tests. */
final class MemoryAuditLog implements AuditLog {
    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized Future<Void> append(AuditEntry entry) {
        entries.add(entry);
        return Future.succeededFuture();
    }

    @Override
    public Future<List<AuditEntry>> byOrg(UUID orgId, long from, long to, int limit) {
        return query(e -> e.orgId().equals(orgId), from, to, limit);
    }

    @Override
    public Future<List<AuditEntry>> byActor(UUID actorId, long from, long to, int limit) {
        return query(e -> actorId.equals(e.actorId()), from, to, limit);
    }

    @Override
    public Future<List<AuditEntry>> bySubject(UUID subjectId, long from, long to, int limit) {
        return query(e -> subjectId.equals(e.subjectId()), from, to, limit);
    }

    private synchronized Future<List<AuditEntry>> query(Predicate<AuditEntry> p, long from, long to, int limit) {
        List<AuditEntry> out = new ArrayList<>(entries.stream().filter(p).filter(e -> e.at() >= from && e.at() <= to)
                .sorted(Comparator.comparingLong(AuditEntry::at).reversed()).limit(limit).toList());
        return Future.succeededFuture(out);
    }
}
