package sabaq.media.rtcp;

/** Picture Loss Indication (RFC 4585 section 6.3.1, PSFB FMT 1): the receiver asks for a key frame. */
public record PictureLossIndication(long senderSsrc, long mediaSsrc) implements RtcpPacket {
}
