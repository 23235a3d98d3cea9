package sabaq.media.rtcp;

/**
 * An RTCP packet of a type or feedback format we do not decode (APP, XR, other FMTs). Not an error.
 *
 * @param packetType the PT field (e.g. 207 for XR)
 * @param countOrFormat the 5-bit RC/SC/FMT field
 * @param data a copy of the whole packet including its header, without padding
 */
public record UnknownRtcp(int packetType, int countOrFormat, byte[] data) implements RtcpPacket {
}
