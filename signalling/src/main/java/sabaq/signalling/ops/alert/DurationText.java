package sabaq.signalling.ops.alert;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations inside alert conditions, written like the durations of the config files: a number and a unit, e.g.
 * {@code 30 seconds}, {@code 1 minute}, {@code 500ms}, {@code 1.5 h}. Units: ms, millisecond(s), s, second(s), m, min,
 * minute(s), h, hour(s).
 */
public final class DurationText {
    /** Longest accepted duration (a day): longer holds or windows are a configuration mistake. */
    public static final Duration MAX = Duration.ofDays(1);
    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,9})?)\\s*([a-z]{1,12})");

    private DurationText() {
    }

    /** The duration, or throws {@link IllegalArgumentException} saying what is wrong. */
    public static Duration parse(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SYNTAX.matcher(s);
        if (!m.matches()) throw new IllegalArgumentException("not a duration (e.g. 30 seconds): '" + text + "'");
        long unitMillis = unitMillis(m.group(2));
        if (unitMillis < 0) throw new IllegalArgumentException("unknown time unit '" + m.group(2) + "' in '" + text + "'");
        double millis = Double.parseDouble(m.group(1)) * unitMillis;
        if (millis > MAX.toMillis()) throw new IllegalArgumentException("longer than " + MAX + ": '" + text + "'");
        return Duration.ofMillis(Math.round(millis));
    }

    private static long unitMillis(String unit) {
        switch (unit) {
            case "ms": case "millisecond": case "milliseconds":
                return 1;
            case "s": case "second": case "seconds":
                return 1000;
            case "m": case "min": case "minute": case "minutes":
                return 60_000;
            case "h": case "hour": case "hours":
                return 3_600_000;
            default:
                return -1;
        }
    }

    /** The shortest readable form of {@code d}, as {@link #parse} accepts it. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) return ms / 3_600_000 + (ms == 3_600_000 ? " hour" : " hours");
        if (ms % 60_000 == 0 && ms > 0) return ms / 60_000 + (ms == 60_000 ? " minute" : " minutes");
        if (ms % 1000 == 0) return ms / 1000 + (ms == 1000 ? " second" : " seconds");
        return ms + " ms";
    }
}
