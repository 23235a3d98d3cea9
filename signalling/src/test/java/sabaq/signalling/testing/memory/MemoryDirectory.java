package sabaq.signalling.testing.memory;

import io.vertx.core.Future;
import sabaq.signalling.account.DirectoryRepository;
import sabaq.signalling.account.Group;
import sabaq.signalling.account.Organisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** In-memory {@link DirectoryRepository} for unit tests. */
final class MemoryDirectory implements DirectoryRepository {
    private final Map<UUID, Organisation> orgs = new LinkedHashMap<>();
    private final Map<UUID, Map<UUID, Group>> groups = new LinkedHashMap<>();

    @Override
    public synchronized Future<Void> saveOrganisation(Organisation o) {
        orgs.put(o.id(), o);
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<List<Organisation>> organisations() {
        return Future.succeededFuture(new ArrayList<>(orgs.values()));
    }

    @Override
    public synchronized Future<Organisation> organisation(UUID id) {
        return Future.succeededFuture(orgs.get(id));
    }

    @Override
    public synchronized Future<Void> saveGroup(Group g) {
        groups.computeIfAbsent(g.orgId(), k -> new LinkedHashMap<>()).put(g.id(), g);
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<List<Group>> groups(UUID orgId) {
        return Future.succeededFuture(new ArrayList<>(groups.getOrDefault(orgId, Map.of()).values()));
    }

    @Override
    public synchronized Future<Group> group(UUID orgId, UUID groupId) {
        return Future.succeededFuture(groups.getOrDefault(orgId, Map.of()).get(groupId));
    }

    @Override
    public synchronized Future<Void> deleteGroup(Group g) {
        Map<UUID, Group> m = groups.get(g.orgId());
        if (m != null) m.remove(g.id());
        return Future.succeededFuture();
    }
}
