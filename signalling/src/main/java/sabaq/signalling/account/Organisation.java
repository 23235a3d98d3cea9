package sabaq.signalling.account;

import java.util.Objects;
import java.util.UUID;

/** A school or college. {@link #PLATFORM} is the pseudo-organisation of the server's own administrators. */
public record Organisation(UUID id, String name, long createdAt) {
    /** Administrators of this organisation administer every organisation. */
    public static final UUID PLATFORM = new UUID(0L, 0L);

    public Organisation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }

    public boolean isPlatform() {
        return PLATFORM.equals(id);
    }
}
