package sabaq.signalling.store;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.vertx.core.Future;
import sabaq.signalling.account.AccountRole;
import sabaq.signalling.account.RoleAssignment;
import sabaq.signalling.account.RoleChange;
import sabaq.signalling.account.RoleRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Role assignments, group membership, the append-only role history and parent-child links in Cassandra. A group
 * role is written to {@code role_assignments} and {@code members_by_group}.
 */
final class CassandraRoleRepository implements RoleRepository {
    private final CassandraStore store;
    private final PreparedStatement insertAssignment;
    private final PreparedStatement deleteAssignment;
    private final PreparedStatement assignments;
    private final PreparedStatement insertMember;
    private final PreparedStatement deleteMember;
    private final PreparedStatement membersInRole;
    private final PreparedStatement members;
    private final PreparedStatement appendHistory;
    private final PreparedStatement history;
    private final PreparedStatement link;
    private final PreparedStatement linkBack;
    private final PreparedStatement unlink;
    private final PreparedStatement unlinkBack;
    private final PreparedStatement children;
    private final PreparedStatement parents;

    CassandraRoleRepository(CassandraStore store) {
        this.store = store;
        insertAssignment = store.prepare("INSERT INTO role_assignments (user_id, org_id, role, group_id, granted_at, granted_by)"
                + " VALUES (?, ?, ?, ?, ?, ?)");
        deleteAssignment = store.prepare("DELETE FROM role_assignments WHERE user_id = ? AND org_id = ? AND role = ? AND group_id = ?");
        assignments = store.prepare("SELECT user_id, org_id, role, group_id, granted_at, granted_by FROM role_assignments"
                + " WHERE user_id = ?");
        insertMember = store.prepare("INSERT INTO members_by_group (org_id, group_id, role, user_id) VALUES (?, ?, ?, ?)");
        deleteMember = store.prepare("DELETE FROM members_by_group WHERE org_id = ? AND group_id = ? AND role = ? AND user_id = ?");
        membersInRole = store.prepare("SELECT user_id FROM members_by_group WHERE org_id = ? AND group_id = ? AND role = ?");
        members = store.prepare("SELECT user_id FROM members_by_group WHERE org_id = ? AND group_id = ?");
        appendHistory = store.prepare("INSERT INTO role_history (user_id, at, id, granted, org_id, role, group_id, by_user)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        history = store.prepare("SELECT user_id, at, granted, org_id, role, group_id, by_user FROM role_history WHERE user_id = ?");
        link = store.prepare("INSERT INTO children_by_parent (parent_id, child_id) VALUES (?, ?)");
        linkBack = store.prepare("INSERT INTO parents_by_child (child_id, parent_id) VALUES (?, ?)");
        unlink = store.prepare("DELETE FROM children_by_parent WHERE parent_id = ? AND child_id = ?");
        unlinkBack = store.prepare("DELETE FROM parents_by_child WHERE child_id = ? AND parent_id = ?");
        children = store.prepare("SELECT child_id FROM children_by_parent WHERE parent_id = ?");
        parents = store.prepare("SELECT parent_id FROM parents_by_child WHERE child_id = ?");
    }

    @Override
    public Future<List<RoleAssignment>> assignments(UUID userId) {
        return store.all(assignments.bind(userId)).map(rows -> {
            List<RoleAssignment> out = new ArrayList<>();
            for (Row r : rows) {
                Optional<AccountRole> role = AccountRole.fromWire(r.getString("role"));
                role.ifPresent(value -> out.add(new RoleAssignment(r.getUuid("user_id"), r.getUuid("org_id"), value,
                        Rows.groupOrNull(r.getUuid("group_id")), Rows.millis(r, "granted_at"), r.getUuid("granted_by"))));
            }
            return out;
        });
    }

    @Override
    public Future<Void> grant(RoleAssignment a) {
        List<BoundStatement> writes = new ArrayList<>();
        writes.add(insertAssignment.bind(a.userId(), a.orgId(), a.role().wireName(), Rows.group(a.groupId()),
                Rows.instant(a.grantedAt()), a.grantedBy()));
        if (a.groupId() != null) writes.add(insertMember.bind(a.orgId(), a.groupId(), a.role().wireName(), a.userId()));
        writes.add(appendHistory.bind(a.userId(), Rows.instant(a.grantedAt()), UUID.randomUUID(), true, a.orgId(),
                a.role().wireName(), Rows.group(a.groupId()), a.grantedBy()));
        return store.executeAll(writes);
    }

    @Override
    public Future<Void> revoke(RoleAssignment a, UUID by, long at) {
        List<BoundStatement> writes = new ArrayList<>();
        writes.add(deleteAssignment.bind(a.userId(), a.orgId(), a.role().wireName(), Rows.group(a.groupId())));
        if (a.groupId() != null) writes.add(deleteMember.bind(a.orgId(), a.groupId(), a.role().wireName(), a.userId()));
        writes.add(appendHistory.bind(a.userId(), Rows.instant(at), UUID.randomUUID(), false, a.orgId(),
                a.role().wireName(), Rows.group(a.groupId()), by));
        return store.executeAll(writes);
    }

    @Override
    public Future<List<RoleChange>> history(UUID userId) {
        return store.all(history.bind(userId)).map(rows -> {
            List<RoleChange> out = new ArrayList<>();
            for (Row r : rows) {
                Optional<AccountRole> role = AccountRole.fromWire(r.getString("role"));
                role.ifPresent(value -> out.add(new RoleChange(r.getUuid("user_id"), Rows.millis(r, "at"),
                        r.getBoolean("granted"), r.getUuid("org_id"), value, Rows.groupOrNull(r.getUuid("group_id")),
                        r.getUuid("by_user"))));
            }
            return out;
        });
    }

    @Override
    public Future<List<UUID>> members(UUID orgId, UUID groupId, AccountRole role) {
        return store.all(membersInRole.bind(orgId, groupId, role.wireName())).map(CassandraRoleRepository::ids);
    }

    @Override
    public Future<List<UUID>> members(UUID orgId, UUID groupId) {
        return store.all(members.bind(orgId, groupId)).map(rows -> ids(rows).stream().distinct().toList());
    }

    @Override
    public Future<Void> link(UUID parentId, UUID childId) {
        return store.executeAll(List.of(link.bind(parentId, childId), linkBack.bind(childId, parentId)));
    }

    @Override
    public Future<Void> unlink(UUID parentId, UUID childId) {
        return store.executeAll(List.of(unlink.bind(parentId, childId), unlinkBack.bind(childId, parentId)));
    }

    @Override
    public Future<List<UUID>> children(UUID parentId) {
        return store.all(children.bind(parentId)).map(CassandraRoleRepository::ids);
    }

    @Override
    public Future<List<UUID>> parents(UUID childId) {
        return store.all(parents.bind(childId)).map(CassandraRoleRepository::ids);
    }

    private static List<UUID> ids(List<Row> rows) {
        List<UUID> out = new ArrayList<>();
        for (Row r : rows) out.add(r.getUuid(0));
        return out;
    }
}
