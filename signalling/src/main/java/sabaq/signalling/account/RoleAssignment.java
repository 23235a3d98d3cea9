package sabaq.signalling.account;

import java.util.Objects;
import java.util.UUID;

/**
 * A role a person holds in an organisation, optionally limited to one group ({@code groupId} null: the whole
 * organisation). Who granted it and when are kept for the change history.
 */
public record RoleAssignment(UUID userId, UUID orgId, AccountRole role, UUID groupId, long grantedAt, UUID grantedBy) {
    public RoleAssignment {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(role, "role");
    }

    /** The same role, organisation and group (ignoring who granted it and when). */
    public boolean sameGrant(RoleAssignment o) {
        return userId.equals(o.userId) && orgId.equals(o.orgId) && role == o.role && Objects.equals(groupId, o.groupId);
    }

    /** {@code teacher}, {@code teacher@<group id>}: how the audit log and the CSV export name an assignment. */
    public String label() {
        return groupId == null ? role.wireName() : role.wireName() + "@" + groupId;
    }
}
