package sabaq.media.sdp;

import java.util.Objects;

/**
 * An RTP header extension mapping {@code a=extmap:<id>[/<direction>] <uri>} (RFC 8285 section 8). {@code direction}
 * is null when the line does not give one. The answer must reuse the offer's id: Chrome refuses a mapping it did not
 * offer ("Extension ID is not in valid range").
 */
public record ExtMap(int id, String uri, Direction direction) {
    public ExtMap {
        Objects.requireNonNull(uri, "uri");
    }
}
