package sabaq.common.footprint;

import java.util.Locale;
import java.util.Optional;

/** The actor's role inside the lesson (from the join token), not their account role. */
public enum FootprintRole {
    TEACHER, STUDENT, OBSERVER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FootprintRole> fromWire(String s) {
        if (s == null) return Optional.empty();
        for (FootprintRole r : values()) if (r.wireName().equals(s)) return Optional.of(r);
        return Optional.empty();
    }
}
