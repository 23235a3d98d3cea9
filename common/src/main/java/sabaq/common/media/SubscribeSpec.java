package sabaq.common.media;

import java.util.Objects;

/** A receive m-line of an offer and the published track (of another peer) it should carry. */
public record SubscribeSpec(String mid, String trackId) {
    public SubscribeSpec {
        Objects.requireNonNull(mid, "mid");
        Objects.requireNonNull(trackId, "trackId");
    }
}
