package sabaq.signalling.account;

import java.util.Objects;
import java.util.UUID;

/** One entry of a person's role history: a role granted or revoked, by whom, when (epoch ms). */
public record RoleChange(UUID userId, long at, boolean granted, UUID orgId, AccountRole role, UUID groupId, UUID by) {
    public RoleChange {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(role, "role");
    }
}
