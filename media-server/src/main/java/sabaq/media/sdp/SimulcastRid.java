package sabaq.media.sdp;

import java.util.Objects;

/** One rid in an {@code a=simulcast} list (RFC 8853 section 5.1); {@code paused} is true when it was written {@code ~rid}. */
public record SimulcastRid(String id, boolean paused) {
    public SimulcastRid {
        Objects.requireNonNull(id, "id");
    }
}
