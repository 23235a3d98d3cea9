package sabaq.signalling.lesson;

import sabaq.common.media.TrackKind;
import sabaq.common.media.TrackSource;

import java.util.Objects;

/**
 * A published track of a lesson. Its id is {@code <participantId>:<source>} (one track per source and participant);
 * {@code mid} is the publisher's m-line (RFC 8843 identification tag) and stays on the server.
 */
public record Track(String trackId, String participantId, TrackSource source, String mid) {
    public Track {
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(mid, "mid");
    }

    public static Track of(String participantId, TrackSource source, String mid) {
        return new Track(idOf(participantId, source), participantId, source, mid);
    }

    public static String idOf(String participantId, TrackSource source) {
        return participantId + ":" + source.wireName();
    }

    public TrackKind kind() {
        return source.kind();
    }
}
