package sabaq.media.rtp;

/**
 * Static, allocation-free accessors for an RTP packet (RFC 3550 section 5.1) held in {@code buf[off .. off+len)}.
 *
 * <pre>
 *  0                   1                   2                   3
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * |                           timestamp                           |
 * |           synchronization source (SSRC) identifier            |
 * |            contributing source (CSRC) identifiers (CC x 32)   |
 * | extension profile (0xBEDE/0x100x) |  extension length (words) |   if X
 * |                  extension elements ...                       |
 * |                  payload ...          | padding | pad count   |   if P
 * </pre>
 *
 * <p>Every method takes the whole slice and checks it, so it is safe on any input: numeric getters return -1 and
 * boolean getters and setters return false when the slice is not large enough (the fixed header needs 12 bytes).
 * Validate once with {@link #isRtp} on the packet path; the getters then never fail. For demultiplexing with
 * rtcp-mux, test {@link #isRtcp} first: RTCP packets also have version 2 and pass the RTP length checks.
 */
public final class RtpPacket {
    /** Size of the fixed RTP header. */
    public static final int FIXED_HEADER_LENGTH = 12;

    private RtpPacket() {
    }

    /**
     * RFC 7983: a first byte in 128..191 means RTP or RTCP (version 2); tell them apart with {@link #isRtcp}.
     */
    public static boolean looksLikeRtpOrRtcp(byte first) {
        int b = first & 0xFF;
        return b >= 128 && b <= 191;
    }

    /**
     * True if the slice looks like RTCP under rtcp-mux (RFC 5761 section 4): version 2, at least 4 bytes and a
     * second byte (packet type) in 192..223.
     */
    public static boolean isRtcp(byte[] buf, int off, int len) {
        if (!inBounds(buf, off, len, 4) || (buf[off] & 0xC0) != 0x80) {
            return false;
        }
        int pt = buf[off + 1] & 0xFF;
        return pt >= 192 && pt <= 223;
    }

    /**
     * True if the slice is a structurally valid RTP packet: version 2, the fixed header, CSRC list and header
     * extension block fit in {@code len}, and if P is set the padding count is at least 1 and fits after the header.
     */
    public static boolean isRtp(byte[] buf, int off, int len) {
        return payloadLength(buf, off, len) >= 0;
    }

    /** The version field (2 for RTP), or -1 if the slice is shorter than the fixed header. */
    public static int version(byte[] buf, int off, int len) {
        return inBounds(buf, off, len, FIXED_HEADER_LENGTH) ? (buf[off] & 0xC0) >>> 6 : -1;
    }

    public static boolean hasPadding(byte[] buf, int off, int len) {
        return inBounds(buf, off, len, FIXED_HEADER_LENGTH) && (buf[off] & 0x20) != 0;
    }

    public static boolean hasExtension(byte[] buf, int off, int len) {
        return inBounds(buf, off, len, FIXED_HEADER_LENGTH) && (buf[off] & 0x10) != 0;
    }

    /** Number of CSRC identifiers (0..15), or -1. */
    public static int csrcCount(byte[] buf, int off, int len) {
        return inBounds(buf, off, len, FIXED_HEADER_LENGTH) ? buf[off] & 0x0F : -1;
    }

    public static boolean marker(byte[] buf, int off, int len) {
        return inBounds(buf, off, len, FIXED_HEADER_LENGTH) && (buf[off + 1] & 0x80) != 0;
    }

    /** Payload type 0..127, or -1. */
    public static int payloadType(byte[] buf, int off, int len) {
        return inBounds(buf, off, len, FIXED_HEADER_LENGTH) ? buf[off + 1] & 0x7F : -1;
    }

    /** Sequence number 0..65535, or -1. */
    public static int sequenceNumber(byte[] buf, int off, int len) {
        return inBounds(buf, off, len, FIXED_HEADER_LENGTH) ? BigEndian.u16(buf, off + 2) : -1;
    }

    /** Timestamp as an unsigned 32-bit value, or -1. */
    public static long timestamp(byte[] buf, int off, int len) {
        return inBounds(buf, off, len, FIXED_HEADER_LENGTH) ? BigEndian.u32(buf, off + 4) : -1;
    }

    /** SSRC as an unsigned 32-bit value, or -1. */
    public static long ssrc(byte[] buf, int off, int len) {
        return inBounds(buf, off, len, FIXED_HEADER_LENGTH) ? BigEndian.u32(buf, off + 8) : -1;
    }

    /**
     * Length of the header including the CSRC list and the header extension block, i.e. the payload starts at
     * {@code off + headerLength}; -1 if any of it lies beyond {@code len}.
     */
    public static int headerLength(byte[] buf, int off, int len) {
        if (!inBounds(buf, off, len, FIXED_HEADER_LENGTH)) {
            return -1;
        }
        int length = FIXED_HEADER_LENGTH + 4 * (buf[off] & 0x0F);
        if ((buf[off] & 0x10) != 0) {
            if (length + 4 > len) {
                return -1;
            }
            length += 4 + 4 * BigEndian.u16(buf, off + length + 2);
        }
        return length <= len ? length : -1;
    }

    /** Offset of the extension block's 16-bit profile field (0xBEDE, 0x100x), or -1 if there is no valid block. */
    public static int extensionOffset(byte[] buf, int off, int len) {
        if (!hasExtension(buf, off, len) || headerLength(buf, off, len) < 0) {
            return -1;
        }
        return off + FIXED_HEADER_LENGTH + 4 * (buf[off] & 0x0F);
    }

    /** Number of padding bytes at the end (0 if P is clear), or -1 if the padding count is 0 or too large. */
    public static int paddingLength(byte[] buf, int off, int len) {
        int header = headerLength(buf, off, len);
        if (header < 0) {
            return -1;
        }
        if ((buf[off] & 0x20) == 0) {
            return 0;
        }
        if (len == header) {
            return -1;
        }
        int padding = buf[off + len - 1] & 0xFF;
        return padding >= 1 && padding <= len - header ? padding : -1;
    }

    /**
     * Payload length excluding padding, or -1 if the slice is not a structurally valid RTP packet (see
     * {@link #isRtp}).
     */
    public static int payloadLength(byte[] buf, int off, int len) {
        if (version(buf, off, len) != 2) {
            return -1;
        }
        int padding = paddingLength(buf, off, len);
        return padding < 0 ? -1 : len - headerLength(buf, off, len) - padding;
    }

    public static boolean setMarker(byte[] buf, int off, int len, boolean marker) {
        if (!inBounds(buf, off, len, FIXED_HEADER_LENGTH)) {
            return false;
        }
        buf[off + 1] = (byte) (marker ? buf[off + 1] | 0x80 : buf[off + 1] & 0x7F);
        return true;
    }

    /** Sets the payload type (low 7 bits of {@code payloadType}), keeping the marker bit. */
    public static boolean setPayloadType(byte[] buf, int off, int len, int payloadType) {
        if (!inBounds(buf, off, len, FIXED_HEADER_LENGTH)) {
            return false;
        }
        buf[off + 1] = (byte) ((buf[off + 1] & 0x80) | (payloadType & 0x7F));
        return true;
    }

    /** Sets the sequence number (low 16 bits of {@code seq}). */
    public static boolean setSequenceNumber(byte[] buf, int off, int len, int seq) {
        if (!inBounds(buf, off, len, FIXED_HEADER_LENGTH)) {
            return false;
        }
        BigEndian.put16(buf, off + 2, seq);
        return true;
    }

    /** Sets the timestamp (low 32 bits of {@code timestamp}). */
    public static boolean setTimestamp(byte[] buf, int off, int len, long timestamp) {
        if (!inBounds(buf, off, len, FIXED_HEADER_LENGTH)) {
            return false;
        }
        BigEndian.put32(buf, off + 4, timestamp);
        return true;
    }

    /** Sets the SSRC (low 32 bits of {@code ssrc}). */
    public static boolean setSsrc(byte[] buf, int off, int len, long ssrc) {
        if (!inBounds(buf, off, len, FIXED_HEADER_LENGTH)) {
            return false;
        }
        BigEndian.put32(buf, off + 8, ssrc);
        return true;
    }

    static boolean inBounds(byte[] buf, int off, int len, int min) {
        return buf != null && off >= 0 && len >= min && off <= buf.length - len;
    }
}
