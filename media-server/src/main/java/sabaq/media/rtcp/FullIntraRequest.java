package sabaq.media.rtcp;

/**
 * Full Intra Request (RFC 5104 section 4.3.1, PSFB FMT 4). The packet's "media source" field is unused (0); each
 * FCI entry names a media sender and a command sequence number. The parser returns one record per FCI entry.
 *
 * @param mediaSsrc the SSRC of the FCI entry: the sender that should send a key frame
 * @param seqNr command sequence number (0..255), incremented for each new request
 */
public record FullIntraRequest(long senderSsrc, long mediaSsrc, int seqNr) implements RtcpPacket {
}
