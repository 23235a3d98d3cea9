package sabaq.common.footprint;

import java.util.Objects;

/**
 * Who did it (xAPI "actor", an Agent identified by an account, xAPI 1.0.3 section 2.4.2.4).
 *
 * @param id    the account id (a UUID string) when the join token was personal, else the guest participant id
 * @param name  the display name at the time of the event
 * @param guest true when {@code id} is a guest participant id and names no account
 */
public record FootprintActor(String id, String name, boolean guest) {
    public FootprintActor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
