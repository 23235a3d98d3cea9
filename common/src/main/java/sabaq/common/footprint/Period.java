package sabaq.common.footprint;

/** A half-open time range {@code [fromMs, toMs)} in epoch milliseconds: a report's period (a week, a semester). */
public record Period(long fromMs, long toMs) {
    public Period {
        if (toMs < fromMs) throw new IllegalArgumentException("period ends before it starts");
    }

    public boolean contains(long t) {
        return t >= fromMs && t < toMs;
    }
}
