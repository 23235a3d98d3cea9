package sabaq.signalling.store;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.vertx.core.Future;
import sabaq.signalling.account.DirectoryRepository;
import sabaq.signalling.account.Group;
import sabaq.signalling.account.Organisation;

import java.util.List;
import java.util.UUID;

/** Organisations (one partition) and groups (a partition per organisation) in Cassandra. */
final class CassandraDirectoryRepository implements DirectoryRepository {
    private static final int BUCKET = 0;

    private final CassandraStore store;
    private final PreparedStatement insertOrg;
    private final PreparedStatement allOrgs;
    private final PreparedStatement oneOrg;
    private final PreparedStatement insertGroup;
    private final PreparedStatement groups;
    private final PreparedStatement oneGroup;
    private final PreparedStatement deleteGroup;

    CassandraDirectoryRepository(CassandraStore store) {
        this.store = store;
        insertOrg = store.prepare("INSERT INTO organisations (bucket, org_id, name, created_at) VALUES (?, ?, ?, ?)");
        allOrgs = store.prepare("SELECT org_id, name, created_at FROM organisations WHERE bucket = ?");
        oneOrg = store.prepare("SELECT org_id, name, created_at FROM organisations WHERE bucket = ? AND org_id = ?");
        insertGroup = store.prepare("INSERT INTO groups_by_org (org_id, group_id, name, created_at) VALUES (?, ?, ?, ?)");
        groups = store.prepare("SELECT org_id, group_id, name, created_at FROM groups_by_org WHERE org_id = ?");
        oneGroup = store.prepare("SELECT org_id, group_id, name, created_at FROM groups_by_org WHERE org_id = ? AND group_id = ?");
        deleteGroup = store.prepare("DELETE FROM groups_by_org WHERE org_id = ? AND group_id = ?");
    }

    @Override
    public Future<Void> saveOrganisation(Organisation o) {
        return store.execute(insertOrg.bind(BUCKET, o.id(), o.name(), Rows.instant(o.createdAt()))).mapEmpty();
    }

    @Override
    public Future<List<Organisation>> organisations() {
        return store.all(allOrgs.bind(BUCKET)).map(rows -> rows.stream().map(CassandraDirectoryRepository::org).toList());
    }

    @Override
    public Future<Organisation> organisation(UUID id) {
        return store.one(oneOrg.bind(BUCKET, id)).map(r -> r == null ? null : org(r));
    }

    @Override
    public Future<Void> saveGroup(Group g) {
        return store.execute(insertGroup.bind(g.orgId(), g.id(), g.name(), Rows.instant(g.createdAt()))).mapEmpty();
    }

    @Override
    public Future<List<Group>> groups(UUID orgId) {
        return store.all(groups.bind(orgId)).map(rows -> rows.stream().map(CassandraDirectoryRepository::group).toList());
    }

    @Override
    public Future<Group> group(UUID orgId, UUID groupId) {
        return store.one(oneGroup.bind(orgId, groupId)).map(r -> r == null ? null : group(r));
    }

    @Override
    public Future<Void> deleteGroup(Group g) {
        return store.execute(deleteGroup.bind(g.orgId(), g.id())).mapEmpty();
    }

    private static Organisation org(Row r) {
        return new Organisation(r.getUuid("org_id"), r.getString("name"), Rows.millis(r, "created_at"));
    }

    private static Group group(Row r) {
        return new Group(r.getUuid("org_id"), r.getUuid("group_id"), r.getString("name"), Rows.millis(r, "created_at"));
    }
}
