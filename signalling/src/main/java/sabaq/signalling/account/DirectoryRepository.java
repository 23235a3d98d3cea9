package sabaq.signalling.account;

import io.vertx.core.Future;

import java.util.List;
import java.util.UUID;

/** Organisations and their groups. Lookups yield null when absent. */
public interface DirectoryRepository {
    Future<Void> saveOrganisation(Organisation organisation);

    Future<List<Organisation>> organisations();

    Future<Organisation> organisation(UUID id);

    /** Creates or renames a group. */
    Future<Void> saveGroup(Group group);

    Future<List<Group>> groups(UUID orgId);

    Future<Group> group(UUID orgId, UUID groupId);

    Future<Void> deleteGroup(Group group);
}
