package sabaq.signalling.account;

import java.util.Objects;
import java.util.UUID;

/** A class or study group of an organisation (7A, IT-21). Lessons are held for a group. */
public record Group(UUID orgId, UUID id, String name, long createdAt) {
    public Group {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
