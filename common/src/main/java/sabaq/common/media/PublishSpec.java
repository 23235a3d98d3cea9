package sabaq.common.media;

import java.util.Objects;

/**
 * A send m-line of an offer that becomes a published track. {@code priority} orders tracks when a subscriber's
 * bandwidth is short (higher first): signalling ranks the teacher's screen and camera above students' video.
 */
public record PublishSpec(String mid, String trackId, TrackKind kind, TrackSource source, int priority) {
    public PublishSpec {
        Objects.requireNonNull(mid, "mid");
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
    }

    /** A track with the default priority of its source (screen above camera). */
    public PublishSpec(String mid, String trackId, TrackKind kind, TrackSource source) {
        this(mid, trackId, kind, source, defaultPriority(source));
    }

    public static int defaultPriority(TrackSource source) {
        return source == TrackSource.SCREEN ? 15 : source == TrackSource.CAMERA ? 10 : 0;
    }
}
