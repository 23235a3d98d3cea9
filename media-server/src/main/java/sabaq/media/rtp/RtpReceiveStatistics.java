package sabaq.media.rtp;

/**
 * Receive statistics of one RTP source, as RFC 3550 appendix A specifies them for receiver reports.
 *
 * <ul>
 *   <li>A.1 sequence validation: a new source is on probation until {@value #MIN_SEQUENTIAL} packets arrived in
 *       sequence (the first probation packet is not counted, as in the RFC); a jump of less than
 *       {@value #MAX_DROPOUT} forward is accepted (counting a cycle on wrap), a step back of at most
 *       {@value #MAX_MISORDER} is a duplicate or reordered packet and still counted, any other jump is remembered
 *       as "bad" and restarts the sequence only if the very next packet follows it (the source restarted).</li>
 *   <li>A.3 loss: expected = extended highest - base + 1; cumulative lost = expected - received, clamped to the
 *       24-bit signed range; the fraction lost since the previous report is an 8-bit fixed-point value
 *       (lost * 256 / expected), 0 if packets were duplicated.</li>
 *   <li>A.8 interarrival jitter, in timestamp units: J += (|D| - J) / 16 where D is the difference of relative
 *       transit times of consecutive counted packets. Kept scaled by 16 in a long, as the RFC's integer variant
 *       does, and computed with 32-bit wrapping arithmetic so timestamp wrap-around is harmless.</li>
 * </ul>
 *
 * Not thread-safe: feed it from the thread that receives the source's packets.
 */
public final class RtpReceiveStatistics {
    public static final int MIN_SEQUENTIAL = 2;
    public static final int MAX_DROPOUT = 3000;
    public static final int MAX_MISORDER = 100;
    private static final int SEQ_MOD = 1 << 16;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private boolean started;
    private int probation;
    private int maxSeq;
    private long cycles;
    private long baseSeq;
    private int badSeq;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private long bytes;

    private boolean hasTransit;
    private int transit;
    private long jitterScaled;
    private long firstArrivalNanos;

    /** Same as {@link #onPacket(int, long, long, int, int)} with 0 payload bytes. */
    public boolean onPacket(int seq, long rtpTimestamp, long arrivalNanos, int clockRate) {
        return onPacket(seq, rtpTimestamp, arrivalNanos, clockRate, 0);
    }

    /**
     * Accounts one received packet.
     *
     * @param seq RTP sequence number (low 16 bits used)
     * @param rtpTimestamp RTP timestamp (low 32 bits used)
     * @param arrivalNanos arrival time on any monotonic nanosecond clock
     * @param clockRate RTP clock rate of the payload format (e.g. 90000 for video, 48000 for Opus)
     * @param payloadBytes bytes to add to {@link #bytes()}
     * @return true if the packet was counted (valid source, not in probation, not a suspected restart)
     */
    public boolean onPacket(int seq, long rtpTimestamp, long arrivalNanos, int clockRate, int payloadBytes) {
        seq &= 0xFFFF;
        if (!started) {
            started = true;
            initSequence(seq);
            maxSeq = (seq - 1) & 0xFFFF;
            probation = MIN_SEQUENTIAL;
            firstArrivalNanos = arrivalNanos;
        }
        if (!updateSequence(seq)) {
            return false;
        }
        bytes += payloadBytes;
        updateJitter(rtpTimestamp, arrivalNanos, clockRate);
        return true;
    }

    private void initSequence(int seq) {
        baseSeq = seq;
        maxSeq = seq;
        badSeq = SEQ_MOD + 1;
        cycles = 0;
        received = 0;
        receivedPrior = 0;
        expectedPrior = 0;
        hasTransit = false;
    }

    private boolean updateSequence(int seq) {
        int delta = (seq - maxSeq) & 0xFFFF;
        if (probation > 0) {
            if (seq == ((maxSeq + 1) & 0xFFFF)) {
                probation--;
                maxSeq = seq;
                if (probation == 0) {
                    initSequence(seq);
                    received++;
                    return true;
                }
            } else {
                probation = MIN_SEQUENTIAL - 1;
                maxSeq = seq;
            }
            return false;
        }
        if (delta < MAX_DROPOUT) {
            if (seq < maxSeq) {
                cycles += SEQ_MOD;
            }
            maxSeq = seq;
        } else if (delta <= SEQ_MOD - MAX_MISORDER) {
            if (seq != badSeq) {
                badSeq = (seq + 1) & 0xFFFF;
                return false;
            }
            initSequence(seq);
        }
        received++;
        return true;
    }

    private void updateJitter(long rtpTimestamp, long arrivalNanos, int clockRate) {
        if (clockRate <= 0) {
            return;
        }
        int arrival = (int) toTimestampUnits(arrivalNanos - firstArrivalNanos, clockRate);
        int currentTransit = arrival - (int) rtpTimestamp;
        if (hasTransit) {
            long d = Math.abs((long) (currentTransit - transit));
            jitterScaled += d - ((jitterScaled + 8) >> 4);
        }
        transit = currentTransit;
        hasTransit = true;
    }

    private static long toTimestampUnits(long nanos, int clockRate) {
        long seconds = Math.floorDiv(nanos, NANOS_PER_SECOND);
        long rest = Math.floorMod(nanos, NANOS_PER_SECOND);
        return seconds * clockRate + rest * clockRate / NANOS_PER_SECOND;
    }

    /** Extended highest sequence number received: cycles * 65536 + highest 16-bit number. */
    public long extendedHighestSeq() {
        return cycles + maxSeq;
    }

    /** Packets expected since the sequence (re)started: extended highest - base + 1 (0 before any counted packet). */
    public long expected() {
        return isValid() ? cycles + maxSeq - baseSeq + 1 : 0;
    }

    /** Cumulative number of packets lost, clamped to the 24-bit signed range of a report block. */
    public int cumulativeLost() {
        long lost = expected() - received;
        return (int) Math.max(-0x800000, Math.min(0x7FFFFF, lost));
    }

    /**
     * Fraction of packets lost since the previous call, as an 8-bit fixed-point number (0..255); starts a new
     * reporting interval.
     */
    public int fractionLostSinceLastReport() {
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        if (expectedInterval <= 0 || lostInterval <= 0) {
            return 0;
        }
        return (int) Math.min(255, (lostInterval << 8) / expectedInterval);
    }

    /** Interarrival jitter estimate in RTP timestamp units. */
    public long jitter() {
        return jitterScaled >> 4;
    }

    /** Packets counted (received and validated) since the sequence (re)started. */
    public long packetsReceived() {
        return received;
    }

    /** Payload bytes of all counted packets. */
    public long bytes() {
        return bytes;
    }

    /** True once the source passed probation (at least one packet counted). */
    public boolean isValid() {
        return started && probation == 0;
    }
}
