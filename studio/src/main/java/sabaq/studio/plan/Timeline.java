package sabaq.studio.plan;

import sabaq.studio.course.TimeRange;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * How the source timeline maps onto the published lesson: the kept ranges of the source, played back to back after
 * an intro of {@code leadSeconds}. Subtitles, chapters and the audio description are authored on the source's
 * timeline and moved through this mapping.
 */
public final class Timeline {
    private final List<TimeRange> keep;
    private final double leadSeconds;

    public Timeline(List<TimeRange> keep, double leadSeconds) {
        this.keep = List.copyOf(keep);
        this.leadSeconds = leadSeconds;
    }

    /** Seconds of the source that are kept. */
    public double keptSeconds() {
        double s = 0;
        for (TimeRange r : keep) s += r.length();
        return s;
    }

    /** The published time of a source time, or empty when that moment was cut. */
    public OptionalDouble map(double sourceSeconds) {
        double before = leadSeconds;
        for (TimeRange r : keep) {
            if (sourceSeconds >= r.start() && sourceSeconds < r.end()) return OptionalDouble.of(before + sourceSeconds - r.start());
            before += r.length();
        }
        return OptionalDouble.empty();
    }

    /** The published time of a source time; a cut moment moves to the start of the next kept range (empty after the last). */
    public OptionalDouble mapForward(double sourceSeconds) {
        double before = leadSeconds;
        for (TimeRange r : keep) {
            if (sourceSeconds < r.end()) return OptionalDouble.of(before + Math.max(0, sourceSeconds - r.start()));
            before += r.length();
        }
        return OptionalDouble.empty();
    }

    /** The published pieces of a source span: one per kept range it overlaps, in order. */
    public List<TimeRange> pieces(double start, double end) {
        List<TimeRange> out = new ArrayList<>();
        double before = leadSeconds;
        for (TimeRange r : keep) {
            double s = Math.max(start, r.start());
            double e = Math.min(end, r.end());
            if (e > s) out.add(new TimeRange(before + s - r.start(), before + e - r.start()));
            before += r.length();
        }
        return out;
    }
}
