package sabaq.media.rtp;

/**
 * Extends 32-bit RTP timestamps to 64 bits by counting wrap-arounds, tolerating reordering: each value is placed
 * at the signed 32-bit distance from the highest extended value so far. The first value is returned as is.
 * Not thread-safe.
 */
public final class TimestampUnwrapper {
    private long highest;
    private boolean started;

    /** The extended value of the 32-bit {@code timestamp} (only its low 32 bits are used). */
    public long unwrap(long timestamp) {
        timestamp &= 0xFFFFFFFFL;
        if (!started) {
            started = true;
            highest = timestamp;
            return timestamp;
        }
        long extended = highest + (int) (timestamp - highest);
        if (extended > highest) {
            highest = extended;
        }
        return extended;
    }

    /** The highest extended value so far (meaningless before the first {@link #unwrap}). */
    public long highest() {
        return highest;
    }

    /** Forgets all state. */
    public void reset() {
        started = false;
        highest = 0;
    }
}
