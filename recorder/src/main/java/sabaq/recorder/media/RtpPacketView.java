package sabaq.recorder.media;

/**
 * The parts of one decrypted RTP packet (RFC 3550 section 5.1) the depacketizers need, copied out of the receive
 * buffer.
 *
 * @param seq          the extended (unwrapped) sequence number
 * @param timestamp    the extended (unwrapped) RTP timestamp
 * @param payload      the payload without header, extensions or padding
 * @param arrivalNanos monotonic arrival time
 */
public record RtpPacketView(long seq, long timestamp, boolean marker, byte[] payload, long arrivalNanos) {
}
