package sabaq.media.rtp;

/**
 * Extends 16-bit sequence numbers to 64 bits by counting wrap-arounds, tolerating reordering.
 *
 * <p>Each value is placed at the signed 16-bit distance ({@link SeqNum#diff}) from the highest extended value seen
 * so far, so a packet that arrives late just before a wrap gets the previous cycle and one that arrives after it
 * gets the next. The first value is returned as is (cycle 0); values older than it can come out negative.
 * Not thread-safe.
 */
public final class SeqNumUnwrapper {
    private long highest;
    private boolean started;

    /** The extended value of the 16-bit {@code seq}. */
    public long unwrap(int seq) {
        seq &= 0xFFFF;
        if (!started) {
            started = true;
            highest = seq;
            return seq;
        }
        long extended = highest + SeqNum.diff(seq, (int) highest);
        if (extended > highest) {
            highest = extended;
        }
        return extended;
    }

    /** The highest extended value so far (meaningless before the first {@link #unwrap}). */
    public long highest() {
        return highest;
    }

    /** Forgets all state; the next value starts a new cycle 0. */
    public void reset() {
        started = false;
        highest = 0;
    }
}
