package sabaq.signalling.store;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.vertx.core.Future;
import sabaq.signalling.audit.AuditEntry;
import sabaq.signalling.audit.AuditLog;
import sabaq.signalling.audit.FieldChange;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The audit log in Cassandra, written to three tables that answer its three questions: an organisation's entries of
 * a day, a person's actions, and the actions on a person's data. Only INSERT statements exist here.
 */
final class CassandraAuditLog implements AuditLog {
    private static final String DATA = "actor_role, action, target_type, target_id, changes, ip, user_agent";

    private final CassandraStore store;
    private final PreparedStatement insertByOrg;
    private final PreparedStatement insertByActor;
    private final PreparedStatement insertBySubject;
    private final PreparedStatement byOrg;
    private final PreparedStatement byActor;
    private final PreparedStatement bySubject;

    CassandraAuditLog(CassandraStore store) {
        this.store = store;
        insertByOrg = store.prepare("INSERT INTO audit_by_org_day (org_id, day, at, id, actor_id, subject_id, " + DATA
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insertByActor = store.prepare("INSERT INTO audit_by_actor (actor_id, at, id, org_id, subject_id, " + DATA
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insertBySubject = store.prepare("INSERT INTO audit_by_subject (subject_id, at, id, org_id, actor_id, " + DATA
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        String select = "SELECT org_id, at, id, actor_id, subject_id, " + DATA;
        byOrg = store.prepare(select + " FROM audit_by_org_day WHERE org_id = ? AND day = ? AND at >= ? AND at <= ? LIMIT ?");
        byActor = store.prepare(select + " FROM audit_by_actor WHERE actor_id = ? AND at >= ? AND at <= ? LIMIT ?");
        bySubject = store.prepare(select + " FROM audit_by_subject WHERE subject_id = ? AND at >= ? AND at <= ? LIMIT ?");
    }

    @Override
    public Future<Void> append(AuditEntry e) {
        String changes = FieldChange.encode(e.changes());
        Object[] data = {e.actorRole(), e.action(), e.targetType(), e.targetId(), changes, e.ip(), e.userAgent()};
        List<BoundStatement> writes = new ArrayList<>();
        writes.add(insertByOrg.bind(concat(new Object[] {e.orgId(), Days.of(e.at()), Rows.instant(e.at()), e.id(),
            e.actorId(), e.subjectId()}, data)));
        if (e.actorId() != null) {
            writes.add(insertByActor.bind(concat(new Object[] {e.actorId(), Rows.instant(e.at()), e.id(), e.orgId(),
                e.subjectId()}, data)));
        }
        if (e.subjectId() != null) {
            writes.add(insertBySubject.bind(concat(new Object[] {e.subjectId(), Rows.instant(e.at()), e.id(), e.orgId(),
                e.actorId()}, data)));
        }
        return store.executeAll(writes);
    }

    @Override
    public Future<List<AuditEntry>> byOrg(UUID orgId, long from, long to, int limit) {
        return Days.newestFirst(from, to, limit, day -> store.all(byOrg.bind(orgId, day, Rows.instant(from),
                Rows.instant(to), limit)).map(CassandraAuditLog::entries));
    }

    @Override
    public Future<List<AuditEntry>> byActor(UUID actorId, long from, long to, int limit) {
        return store.all(byActor.bind(actorId, Rows.instant(from), Rows.instant(to), limit)).map(CassandraAuditLog::entries);
    }

    @Override
    public Future<List<AuditEntry>> bySubject(UUID subjectId, long from, long to, int limit) {
        return store.all(bySubject.bind(subjectId, Rows.instant(from), Rows.instant(to), limit)).map(CassandraAuditLog::entries);
    }

    private static List<AuditEntry> entries(List<Row> rows) {
        List<AuditEntry> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new AuditEntry(r.getUuid("id"), Rows.millis(r, "at"), r.getUuid("org_id"), r.getUuid("actor_id"),
                    r.getString("actor_role"), r.getString("action"), r.getString("target_type"), r.getString("target_id"),
                    r.getUuid("subject_id"), FieldChange.decode(r.getString("changes")), r.getString("ip"),
                    r.getString("user_agent")));
        }
        return out;
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] out = new Object[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
