package sabaq.signalling.testing.memory;

import io.vertx.core.Future;
import sabaq.signalling.account.AccountRole;
import sabaq.signalling.account.RoleAssignment;
import sabaq.signalling.account.RoleChange;
import sabaq.signalling.account.RoleRepository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** In-memory {@link RoleRepository} for unit tests. */
final class MemoryRoles implements RoleRepository {
    private final List<RoleAssignment> assignments = new ArrayList<>();
    private final List<RoleChange> history = new ArrayList<>();
    private final Set<List<UUID>> links = new LinkedHashSet<>();

    @Override
    public synchronized Future<List<RoleAssignment>> assignments(UUID userId) {
        return Future.succeededFuture(assignments.stream().filter(a -> a.userId().equals(userId)).toList());
    }

    @Override
    public synchronized Future<Void> grant(RoleAssignment a) {
        assignments.removeIf(a::sameGrant);
        assignments.add(a);
        history.add(new RoleChange(a.userId(), a.grantedAt(), true, a.orgId(), a.role(), a.groupId(), a.grantedBy()));
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Void> revoke(RoleAssignment a, UUID by, long at) {
        assignments.removeIf(a::sameGrant);
        history.add(new RoleChange(a.userId(), at, false, a.orgId(), a.role(), a.groupId(), by));
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<List<RoleChange>> history(UUID userId) {
        return Future.succeededFuture(history.stream().filter(c -> c.userId().equals(userId))
                .sorted(Comparator.comparingLong(RoleChange::at).reversed()).toList());
    }

    @Override
    public synchronized Future<List<UUID>> members(UUID orgId, UUID groupId, AccountRole role) {
        return Future.succeededFuture(assignments.stream().filter(a -> a.orgId().equals(orgId)
                && Objects.equals(a.groupId(), groupId) && a.role() == role).map(RoleAssignment::userId).toList());
    }

    @Override
    public synchronized Future<List<UUID>> members(UUID orgId, UUID groupId) {
        return Future.succeededFuture(assignments.stream().filter(a -> a.orgId().equals(orgId)
                && groupId.equals(a.groupId())).map(RoleAssignment::userId).distinct().toList());
    }

    @Override
    public synchronized Future<Void> link(UUID parentId, UUID childId) {
        links.add(List.of(parentId, childId));
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Void> unlink(UUID parentId, UUID childId) {
        links.remove(List.of(parentId, childId));
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<List<UUID>> children(UUID parentId) {
        return Future.succeededFuture(links.stream().filter(l -> l.get(0).equals(parentId)).map(l -> l.get(1)).toList());
    }

    @Override
    public synchronized Future<List<UUID>> parents(UUID childId) {
        return Future.succeededFuture(links.stream().filter(l -> l.get(1).equals(childId)).map(l -> l.get(0)).toList());
    }
}
