package sabaq.media.rtcp;

/**
 * RTCP BYE (RFC 3550 section 6.6, PT 203): the sources are leaving.
 *
 * @param ssrcs the sources (unsigned 32-bit values)
 * @param reason the optional reason text, or null
 */
public record Bye(long[] ssrcs, String reason) implements RtcpPacket {
}
