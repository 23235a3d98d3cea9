package sabaq.recorder.session;

import sabaq.common.media.TrackKind;

import java.util.Objects;

/**
 * A published track of the lesson as the recorder knows it.
 *
 * @param role the publisher's role ({@code teacher} or {@code student}), for the composite layout
 */
public record TrackInfo(String trackId, String participantId, String participantName, String role, TrackKind kind,
                        String source) {
    public TrackInfo {
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
    }

    /** A name safe in object keys and file names: {@code <participantId>-<source>}. */
    public String keyName() {
        return participantId.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + source;
    }
}
