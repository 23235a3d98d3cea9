package sabaq.signalling.account;

import io.vertx.core.Future;

import java.util.List;
import java.util.UUID;

/** Role assignments with their history, group membership and parent-child links. */
public interface RoleRepository {
    Future<List<RoleAssignment>> assignments(UUID userId);

    /** Stores the assignment and appends "granted" to the history. */
    Future<Void> grant(RoleAssignment assignment);

    /** Removes the assignment and appends "revoked by {@code by} at {@code at}" to the history. */
    Future<Void> revoke(RoleAssignment assignment, UUID by, long at);

    /** Newest first. */
    Future<List<RoleChange>> history(UUID userId);

    /** People holding {@code role} in the group. */
    Future<List<UUID>> members(UUID orgId, UUID groupId, AccountRole role);

    /** Anyone holding any role in the group. */
    Future<List<UUID>> members(UUID orgId, UUID groupId);

    Future<Void> link(UUID parentId, UUID childId);

    Future<Void> unlink(UUID parentId, UUID childId);

    Future<List<UUID>> children(UUID parentId);

    Future<List<UUID>> parents(UUID childId);
}
