package sabaq.media.rtcp;

/**
 * Transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 section 3.1,
 * RTPFB FMT 15), decoded into one entry per reported packet.
 *
 * <p>Entry {@code i} describes transport sequence number {@code sequenceNumbers[i] == (baseSeq + i) mod 2^16}. For
 * received packets, {@code deltasMicros[i]} is the arrival time minus the arrival time of the previous received
 * packet in this feedback (for the first one: minus the reference time), a multiple of 250 µs, possibly negative
 * for reordered packets; it is 0 for packets not received.
 *
 * @param referenceTime 24-bit signed reference time in units of 64 ms
 * @param feedbackPacketCount 8-bit counter incremented for each feedback packet sent
 */
public record TransportCcFeedback(long senderSsrc, long mediaSsrc, int baseSeq, int referenceTime,
        int feedbackPacketCount, int[] sequenceNumbers, boolean[] received, int[] deltasMicros)
        implements RtcpPacket {

    /** The reference time in microseconds. */
    public long referenceTimeMicros() {
        return referenceTime * 64_000L;
    }

    /** Number of packets the feedback reports on (the packet status count). */
    public int packetStatusCount() {
        return sequenceNumbers.length;
    }

    /**
     * Arrival time of each entry in microseconds on the feedback sender's clock (reference time plus the sum of the
     * deltas so far), or Long.MIN_VALUE for packets not received.
     */
    public long[] arrivalTimesMicros() {
        long[] times = new long[received.length];
        long t = referenceTimeMicros();
        for (int i = 0; i < times.length; i++) {
            if (received[i]) {
                t += deltasMicros[i];
                times[i] = t;
            } else {
                times[i] = Long.MIN_VALUE;
            }
        }
        return times;
    }
}
