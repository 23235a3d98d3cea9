package sabaq.media.sdp;

import java.util.List;
import java.util.Objects;

/**
 * {@code a=ssrc-group:<semantics> <ssrc>...} (RFC 5576 section 4.2). {@code FID} pairs a media SSRC with its RTX SSRC
 * (RFC 4588 section 8.7); {@code SIM} lists the SSRCs of simulcast layers (SSRC-signalled simulcast).
 */
public record SsrcGroup(String semantics, List<Long> ssrcs) {
    public SsrcGroup {
        Objects.requireNonNull(semantics, "semantics");
        ssrcs = List.copyOf(ssrcs);
    }

    public boolean isFid() {
        return semantics.equalsIgnoreCase("FID");
    }
}
