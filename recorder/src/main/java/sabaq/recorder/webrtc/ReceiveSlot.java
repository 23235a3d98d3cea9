package sabaq.recorder.webrtc;

import sabaq.common.media.TrackKind;

import java.util.Objects;

/**
 * One receive-only m-line of the recorder's offer.
 *
 * @param trackId the published track it should carry, or null when the slot is no longer wanted ({@code inactive})
 */
public record ReceiveSlot(String mid, TrackKind kind, String trackId) {
    public ReceiveSlot {
        Objects.requireNonNull(mid, "mid");
        Objects.requireNonNull(kind, "kind");
    }

    public boolean active() {
        return trackId != null;
    }
}
