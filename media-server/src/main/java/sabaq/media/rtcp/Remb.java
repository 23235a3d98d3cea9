package sabaq.media.rtcp;

/**
 * Receiver Estimated Maximum Bitrate (draft-alvestrand-rmcat-remb-03, PSFB FMT 15 with the identifier "REMB").
 *
 * @param bitrateBps estimated bitrate in bits per second (mantissa * 2^exponent; Long.MAX_VALUE if it overflows)
 * @param ssrcs the media sources the estimate applies to
 */
public record Remb(long senderSsrc, long bitrateBps, long[] ssrcs) implements RtcpPacket {
}
