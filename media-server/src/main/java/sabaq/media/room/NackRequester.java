package sabaq.media.room;

/**
 * Tracks sequence-number gaps of one incoming stream and says which packets to NACK (RFC 4585 §6.2.1) toward
 * the publisher: each missing packet is requested at most {@link #MAX_TRIES} times, {@link #RETRY_NANOS} apart,
 * and forgotten after {@link #GIVE_UP_NANOS} or once it arrives (retransmitted or late). Fixed-size ring; no
 * allocation per packet.
 */
final class NackRequester {
    static final int CAPACITY = 256;
    static final int MAX_TRIES = 3;
    static final long RETRY_NANOS = 60_000_000L;
    static final long GIVE_UP_NANOS = 1_000_000_000L;
    /** A jump this large is a restart of the stream, not loss. */
    static final int MAX_GAP = 200;

    private final int[] seq = new int[CAPACITY];
    private final long[] firstMissingNanos = new long[CAPACITY];
    private final long[] lastRequestNanos = new long[CAPACITY];
    private final int[] tries = new int[CAPACITY];
    private int count;
    private int highestSeq = -1;

    /** Notes an arriving packet; returns true when it opened a gap (so a NACK can go out at once). */
    boolean onPacket(int s, long nowNanos) {
        s &= 0xFFFF;
        if (highestSeq < 0) {
            highestSeq = s;
            return false;
        }
        int diff = (short) ((s - highestSeq) & 0xFFFF);
        if (diff <= 0) {
            remove(s);
            return false;
        }
        boolean gap = false;
        if (diff > 1 && diff <= MAX_GAP) {
            for (int k = 1; k < diff; k++) add((highestSeq + k) & 0xFFFF, nowNanos);
            gap = true;
        } else if (diff > MAX_GAP) {
            count = 0;
        }
        highestSeq = s;
        return gap;
    }

    private void add(int s, long nowNanos) {
        if (count == CAPACITY) {
            System.arraycopy(seq, 1, seq, 0, CAPACITY - 1);
            System.arraycopy(firstMissingNanos, 1, firstMissingNanos, 0, CAPACITY - 1);
            System.arraycopy(lastRequestNanos, 1, lastRequestNanos, 0, CAPACITY - 1);
            System.arraycopy(tries, 1, tries, 0, CAPACITY - 1);
            count--;
        }
        seq[count] = s;
        firstMissingNanos[count] = nowNanos;
        lastRequestNanos[count] = Long.MIN_VALUE;
        tries[count] = 0;
        count++;
    }

    private void remove(int s) {
        for (int i = 0; i < count; i++) {
            if (seq[i] == s) {
                removeAt(i);
                return;
            }
        }
    }

    private void removeAt(int i) {
        int tail = count - i - 1;
        System.arraycopy(seq, i + 1, seq, i, tail);
        System.arraycopy(firstMissingNanos, i + 1, firstMissingNanos, i, tail);
        System.arraycopy(lastRequestNanos, i + 1, lastRequestNanos, i, tail);
        System.arraycopy(tries, i + 1, tries, i, tail);
        count--;
    }

    /**
     * Writes the sequence numbers due for a (re)request into {@code out} and returns how many; marks them requested.
     * Expired entries are dropped.
     */
    int due(long nowNanos, int[] out) {
        int n = 0;
        for (int i = 0; i < count; ) {
            if (nowNanos - firstMissingNanos[i] > GIVE_UP_NANOS || tries[i] >= MAX_TRIES) {
                removeAt(i);
                continue;
            }
            if ((lastRequestNanos[i] == Long.MIN_VALUE || nowNanos - lastRequestNanos[i] >= RETRY_NANOS) && n < out.length) {
                out[n++] = seq[i];
                lastRequestNanos[i] = nowNanos;
                tries[i]++;
            }
            i++;
        }
        return n;
    }

    int missingCount() {
        return count;
    }
}
