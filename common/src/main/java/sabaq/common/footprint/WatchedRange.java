package sabaq.common.footprint;

/** A stretch of a recording that was played, in milliseconds from the recording's start; {@code fromMs < toMs}. */
public record WatchedRange(long fromMs, long toMs) {
    public long lengthMs() {
        return toMs - fromMs;
    }
}
