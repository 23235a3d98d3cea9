package sabaq.media.rtcp;

/**
 * One chunk of an SDES packet: the source and its CNAME item (RFC 3550 section 6.5.1), or null if the chunk has no
 * CNAME. Other SDES items (NAME, EMAIL, ...) are skipped: WebRTC only sends CNAME.
 */
public record SdesChunk(long ssrc, String cname) {
}
