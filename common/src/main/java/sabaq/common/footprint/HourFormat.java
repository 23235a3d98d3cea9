package sabaq.common.footprint;

import java.util.Locale;
import java.util.Optional;

/**
 * How planned academic hours are taught: in a classroom, synchronously online (a live lesson), asynchronously online
 * (self-paced material), or as distance learning without a live lesson.
 */
public enum HourFormat {
    CLASSROOM, SYNCHRONOUS, ASYNCHRONOUS, DISTANCE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<HourFormat> fromWire(String s) {
        if (s == null) return Optional.empty();
        for (HourFormat f : values()) if (f.wireName().equals(s)) return Optional.of(f);
        return Optional.empty();
    }
}
