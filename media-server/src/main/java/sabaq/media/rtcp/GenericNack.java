package sabaq.media.rtcp;

/**
 * Generic NACK (RFC 4585 section 6.2.1, RTPFB FMT 1), with the PID/BLP pairs expanded.
 *
 * @param lostSeqs the sequence numbers reported lost (0..65535) in the order of the packet's FCI entries
 */
public record GenericNack(long senderSsrc, long mediaSsrc, int[] lostSeqs) implements RtcpPacket {
}
