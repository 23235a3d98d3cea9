package sabaq.common.media;

import java.util.Objects;

/** A send m-line of an offer that becomes a published track. */
public record PublishSpec(String mid, String trackId, TrackKind kind, TrackSource source) {
    public PublishSpec {
        Objects.requireNonNull(mid, "mid");
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
    }
}
