package sabaq.common.media;

import java.util.Locale;
import java.util.Optional;

/** What a published track shows. */
public enum TrackSource {
    MICROPHONE(TrackKind.AUDIO), CAMERA(TrackKind.VIDEO), SCREEN(TrackKind.VIDEO);

    private final TrackKind kind;

    TrackSource(TrackKind kind) {
        this.kind = kind;
    }

    public TrackKind kind() {
        return kind;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TrackSource> fromWire(String s) {
        if (s == null) return Optional.empty();
        for (TrackSource t : values()) if (t.wireName().equals(s)) return Optional.of(t);
        return Optional.empty();
    }
}
