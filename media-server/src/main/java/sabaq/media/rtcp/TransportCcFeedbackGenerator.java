package sabaq.media.rtcp;

import java.util.Arrays;
import sabaq.media.rtp.SeqNumUnwrapper;

/**
 * Builds transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01) for one
 * publisher, so the browser's send-side bandwidth estimator can work (without it Chrome never sends its top
 * simulcast layer).
 *
 * <p>Feed it every packet's transport-wide sequence number and arrival time ({@link #onPacket}), and call
 * {@link #buildFeedback} periodically (browsers expect roughly every 50-100 ms). Each feedback covers the packets
 * from the first one not yet reported up to the highest received one, ending on a received packet; packets still
 * missing are reported as not received. Sequence numbers are unwrapped to 64 bits, so wrap-around is seamless.
 *
 * <ul>
 *   <li>Reordering: a packet that arrives after its range was reported makes the next feedback start again at it
 *       (the sender accepts repeated reports). Duplicates keep their first arrival time.</li>
 *   <li>Old state: only the last {@value #WINDOW} sequence numbers are kept; anything older is dropped, unreported.
 *   </li>
 *   <li>Size: a feedback packet stays within {@code maxPacketBytes}; when more is pending, call
 *       {@link #buildFeedback} again to get the rest. A delta that does not fit 16 bits (more than about 8 s) also
 *       ends a packet, and the next one starts with a new reference time.</li>
 *   <li>Arrival times are rounded to the 250 µs resolution of the format and the reference time is the first
 *       received arrival rounded down to 64 ms.</li>
 * </ul>
 *
 * All state is preallocated (about 100 KB); not thread-safe.
 */
public final class TransportCcFeedbackGenerator {
    /** Default size cap of a feedback packet, well under a typical MTU after SRTCP overhead. */
    public static final int DEFAULT_MAX_PACKET_BYTES = 1200;
    /** Number of sequence numbers of state kept. */
    public static final int WINDOW = 1 << 13;
    private static final long MASK = WINDOW - 1;
    private static final long NOT_RECEIVED = Long.MIN_VALUE;
    private static final long REFERENCE_TIME_MICROS = 64_000;
    private static final int MAX_RUN = 0x1FFF;
    private static final int TICKS_PER_REFERENCE_UNIT = (int) (REFERENCE_TIME_MICROS / TransportCcCodec.TICK_MICROS);

    private final int maxPacketBytes;
    private final SeqNumUnwrapper unwrapper = new SeqNumUnwrapper();
    private final long[] arrivals = new long[WINDOW];
    private final boolean[] received = new boolean[WINDOW];
    private final int[] deltaTicks = new int[WINDOW];
    private boolean started;
    private long highest;
    private long nextToReport;
    private int feedbackPacketCount;

    public TransportCcFeedbackGenerator() {
        this(DEFAULT_MAX_PACKET_BYTES);
    }

    /** @param maxPacketBytes size cap of one feedback packet, at least 32 bytes */
    public TransportCcFeedbackGenerator(int maxPacketBytes) {
        if (maxPacketBytes < 32) {
            throw new IllegalArgumentException("maxPacketBytes too small: " + maxPacketBytes);
        }
        this.maxPacketBytes = maxPacketBytes;
    }

    /** Records the arrival of the packet with transport-wide sequence number {@code transportSeq}. */
    public void onPacket(int transportSeq, long arrivalMicros) {
        long seq = unwrapper.unwrap(transportSeq);
        if (!started) {
            started = true;
            Arrays.fill(arrivals, NOT_RECEIVED);
            highest = seq;
            nextToReport = seq;
        } else if (seq > highest) {
            for (long s = Math.max(highest + 1, seq - WINDOW + 1); s < seq; s++) {
                arrivals[(int) (s & MASK)] = NOT_RECEIVED;
            }
            highest = seq;
            nextToReport = Math.max(nextToReport, highest - WINDOW + 1);
        } else if (seq <= highest - WINDOW || arrivals[(int) (seq & MASK)] != NOT_RECEIVED) {
            return;
        } else if (seq < nextToReport) {
            nextToReport = seq;
        }
        arrivals[(int) (seq & MASK)] = arrivalMicros;
    }

    /**
     * Writes the next feedback packet at {@code out[off]}.
     *
     * @return bytes written, 0 if nothing is pending, or -1 if {@code out} has no room for a feedback packet
     */
    public int buildFeedback(byte[] out, int off, long senderSsrc, long mediaSsrc) {
        if (!started || nextToReport > highest) {
            return 0;
        }
        if (out == null || off < 0 || off > out.length) {
            return -1;
        }
        int limit = Math.min(maxPacketBytes, out.length - off);
        long base = nextToReport;
        long firstReceived = firstReceivedSeq(base);
        int leadingLost = (int) (firstReceived - base);
        long referenceTime = Math.floorDiv(arrivals[(int) (firstReceived & MASK)], REFERENCE_TIME_MICROS);
        long previousTick = referenceTime * TICKS_PER_REFERENCE_UNIT;
        int count = 0;
        int reported = 0;
        int deltaBytes = 0;
        for (long s = base; s <= highest && count < WINDOW; s++) {
            long arrival = arrivals[(int) (s & MASK)];
            int size = 0;
            long delta = 0;
            long tick = 0;
            if (arrival != NOT_RECEIVED) {
                tick = Math.floorDiv(arrival + TransportCcCodec.TICK_MICROS / 2, TransportCcCodec.TICK_MICROS);
                delta = tick - previousTick;
                if (delta < Short.MIN_VALUE || delta > Short.MAX_VALUE) {
                    break;
                }
                size = delta >= 0 && delta <= 0xFF ? 1 : 2;
            }
            if (worstCaseLength(count + 1, leadingLost, deltaBytes + size) > limit) {
                break;
            }
            received[count] = arrival != NOT_RECEIVED;
            deltaTicks[count] = (int) delta;
            count++;
            if (arrival != NOT_RECEIVED) {
                previousTick = tick;
                deltaBytes += size;
                reported = count;
            }
        }
        if (reported == 0) {
            return -1;
        }
        int written = RtcpWriter.transportCc(out, off, senderSsrc, mediaSsrc, (int) (base & 0xFFFF),
                (int) (referenceTime & 0xFFFFFF), feedbackPacketCount, received, deltaTicks, reported);
        if (written > 0) {
            feedbackPacketCount = (feedbackPacketCount + 1) & 0xFF;
            nextToReport = base + reported;
        }
        return written;
    }

    /** The feedback packet count the next feedback will carry (0..255). */
    public int nextFeedbackPacketCount() {
        return feedbackPacketCount;
    }

    /** The first received sequence number at or after {@code from}; {@link #highest} is always received. */
    private long firstReceivedSeq(long from) {
        long s = from;
        while (s < highest && arrivals[(int) (s & MASK)] == NOT_RECEIVED) {
            s++;
        }
        return s;
    }

    /**
     * Upper bound of the length of a feedback for {@code count} packets whose first {@code leadingLost} were not
     * received. The writer's greedy chunking covers a run of lost packets with run-length chunks of up to 8191
     * packets (one of which may extend into the following packets) and never covers fewer than 7 packets with
     * any other chunk. Counting the leading run exactly guarantees progress after a long gap.
     */
    private static int worstCaseLength(int count, int leadingLost, int deltaBytes) {
        int inLeadingRun = Math.min(count, leadingLost);
        int chunks = (inLeadingRun + MAX_RUN - 1) / MAX_RUN + (count - inLeadingRun + 6) / 7;
        return (TransportCcCodec.HEADER_LENGTH + 2 * chunks + deltaBytes + 3) & ~3;
    }
}
