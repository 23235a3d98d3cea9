package sabaq.common.recording;

import java.util.Locale;

/** Where a recording stands; the wire name is the lower-case name ({@code recording}, {@code processing}, ...). */
public enum RecordingStatus {
    /** The lesson is live and its tracks are being written and uploaded. */
    RECORDING,
    /** The lesson ended; the composite, HLS ladder, poster and manifest are being made. */
    PROCESSING,
    /** Playable. */
    READY,
    /** Nothing was recorded (no media arrived, e.g. a zero-length lesson); the manifest says why. */
    EMPTY,
    /** Post-processing failed; the summary's error says why. */
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
