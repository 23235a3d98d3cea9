package sabaq.signalling.store;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.vertx.core.Future;
import sabaq.signalling.audit.FailedAccess;
import sabaq.signalling.audit.FailedAccessKind;
import sabaq.signalling.audit.FailedAccessLog;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The failed-access log in Cassandra, one partition per organisation and day. Only INSERT statements exist here. */
final class CassandraFailedAccessLog implements FailedAccessLog {
    private final CassandraStore store;
    private final PreparedStatement insert;
    private final PreparedStatement byOrg;

    CassandraFailedAccessLog(CassandraStore store) {
        this.store = store;
        insert = store.prepare("INSERT INTO failed_access_by_org_day (org_id, day, at, id, kind, login, user_id, ip,"
                + " user_agent, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        byOrg = store.prepare("SELECT org_id, at, id, kind, login, user_id, ip, user_agent, detail FROM failed_access_by_org_day"
                + " WHERE org_id = ? AND day = ? AND at >= ? AND at <= ? LIMIT ?");
    }

    @Override
    public Future<Void> record(FailedAccess a) {
        return store.execute(insert.bind(a.orgId(), Days.of(a.at()), Rows.instant(a.at()), a.id(), a.kind().name(),
                a.login(), a.userId(), a.ip(), a.userAgent(), a.detail())).mapEmpty();
    }

    @Override
    public Future<List<FailedAccess>> byOrg(UUID orgId, long from, long to, int limit) {
        return Days.newestFirst(from, to, limit, day -> store.all(byOrg.bind(orgId, day, Rows.instant(from),
                Rows.instant(to), limit)).map(CassandraFailedAccessLog::attempts));
    }

    private static List<FailedAccess> attempts(List<Row> rows) {
        List<FailedAccess> out = new ArrayList<>();
        for (Row r : rows) {
            FailedAccessKind kind;
            try {
                kind = FailedAccessKind.valueOf(r.getString("kind"));
            } catch (IllegalArgumentException | NullPointerException e) {
                continue;
            }
            out.add(new FailedAccess(r.getUuid("id"), Rows.millis(r, "at"), r.getUuid("org_id"), kind, r.getString("login"),
                    r.getUuid("user_id"), r.getString("ip"), r.getString("user_agent"), r.getString("detail")));
        }
        return out;
    }
}
