package sabaq.media.sdp;

import java.util.Objects;

/**
 * An RTP stream identifier {@code a=rid:<id> <send|recv> [<restrictions>]} (RFC 8851). Chrome's simulcast offer has
 * {@code a=rid:q send}, {@code h}, {@code f}; the packets name their rid in the {@code sdes:rtp-stream-id} header
 * extension. {@code restrictions} is the raw rest of the line (empty when none), e.g. {@code max-width=1280;pt=96}.
 */
public record Rid(String id, RidDirection direction, String restrictions) {
    public Rid {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(restrictions, "restrictions");
    }
}
