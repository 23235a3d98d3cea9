package sabaq.signalling.account;

import java.util.Objects;
import java.util.UUID;

/** A role to grant: which, and for which group (null: the whole organisation). */
public record RoleSpec(AccountRole role, UUID groupId) {
    public RoleSpec {
        Objects.requireNonNull(role, "role");
    }
}
