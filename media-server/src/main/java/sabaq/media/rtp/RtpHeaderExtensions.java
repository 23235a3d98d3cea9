package sabaq.media.rtp;

import java.nio.charset.StandardCharsets;

/**
 * Finds and reads RTP header extension elements (RFC 8285) without allocating.
 *
 * <p>Both forms are supported: one-byte headers (profile 0xBEDE; element = 4-bit id 1..14, 4-bit length-1, value of
 * 1..16 bytes; id 15 stops parsing) and two-byte headers (profile 0x100 followed by 4 "appbits"; element = 8-bit id,
 * 8-bit length, value of 0..255 bytes). Zero bytes between elements are padding.
 *
 * <p>{@link #find} returns the element's position packed into one int: {@code (valueOffsetFromPacketStart << 8) |
 * valueLength}, or -1 if the packet has no such element or its extension block is malformed. Use
 * {@link #valueOffset} and {@link #valueLength} to unpack it. The offset is relative to the packet's {@code off}
 * (an RTP header is at most about 256 KiB, so it always fits in 23 bits) and the length is 0..255.
 *
 * <p>Readers for the values WebRTC uses take the negotiated extension id (from the SDP {@code a=extmap} lines; the
 * ids differ per session) and return -1 (or null/false) when the element is absent or too short:
 * sdes:mid, rtp-stream-id and repaired-rtp-stream-id (RFC 8843/8852, ASCII), ssrc-audio-level (RFC 6464),
 * transport-wide-cc sequence number (draft-holmer-rmcat-transport-wide-cc-extensions-01, 16 bits) and
 * abs-send-time (24 bits, 6.18 fixed-point seconds).
 */
public final class RtpHeaderExtensions {
    /** Profile of the one-byte header form. */
    public static final int ONE_BYTE_PROFILE = 0xBEDE;
    /** Profile of the two-byte header form; the low 4 bits are application bits. */
    public static final int TWO_BYTE_PROFILE = 0x1000;

    private RtpHeaderExtensions() {
    }

    /**
     * Finds the first element with {@code id} in the RTP packet {@code buf[off .. off+len)}.
     *
     * @return {@code (valueOffset - off) << 8 | valueLength}, or -1 if absent or malformed
     */
    public static int find(byte[] buf, int off, int len, int id) {
        int ext = RtpPacket.extensionOffset(buf, off, len);
        if (ext < 0 || id < 1 || id > 255) {
            return -1;
        }
        int profile = BigEndian.u16(buf, ext);
        int pos = ext + 4;
        int end = pos + 4 * BigEndian.u16(buf, ext + 2);
        if (profile == ONE_BYTE_PROFILE) {
            return id > 14 ? -1 : findOneByte(buf, off, pos, end, id);
        }
        if ((profile & 0xFFF0) == TWO_BYTE_PROFILE) {
            return findTwoByte(buf, off, pos, end, id);
        }
        return -1;
    }

    private static int findOneByte(byte[] buf, int off, int pos, int end, int id) {
        while (pos < end) {
            int b = buf[pos] & 0xFF;
            if (b == 0) {
                pos++;
                continue;
            }
            int elementId = b >>> 4;
            if (elementId == 15) {
                return -1;
            }
            int length = (b & 0x0F) + 1;
            if (length > end - pos - 1) {
                return -1;
            }
            if (elementId == id) {
                return ((pos + 1 - off) << 8) | length;
            }
            pos += 1 + length;
        }
        return -1;
    }

    private static int findTwoByte(byte[] buf, int off, int pos, int end, int id) {
        while (pos < end) {
            int elementId = buf[pos] & 0xFF;
            if (elementId == 0) {
                pos++;
                continue;
            }
            if (end - pos < 2) {
                return -1;
            }
            int length = buf[pos + 1] & 0xFF;
            if (length > end - pos - 2) {
                return -1;
            }
            if (elementId == id) {
                return ((pos + 2 - off) << 8) | length;
            }
            pos += 2 + length;
        }
        return -1;
    }

    /** Absolute array index of the value of a {@link #find} result for a packet starting at {@code off}. */
    public static int valueOffset(int off, int found) {
        return off + (found >>> 8);
    }

    /** Value length of a {@link #find} result. */
    public static int valueLength(int found) {
        return found & 0xFF;
    }

    /**
     * The value of element {@code id} as an ASCII string (sdes:mid, rtp-stream-id, repaired-rtp-stream-id), or null
     * if absent. Allocates the string; on the packet path prefer {@link #valueEquals}.
     */
    public static String stringValue(byte[] buf, int off, int len, int id) {
        int found = find(buf, off, len, id);
        return found < 0 ? null
                : new String(buf, valueOffset(off, found), valueLength(found), StandardCharsets.US_ASCII);
    }

    /** True if element {@code id} is present and its value equals {@code expected} byte for byte. */
    public static boolean valueEquals(byte[] buf, int off, int len, int id, byte[] expected) {
        int found = find(buf, off, len, id);
        if (found < 0 || valueLength(found) != expected.length) {
            return false;
        }
        int at = valueOffset(off, found);
        for (int i = 0; i < expected.length; i++) {
            if (buf[at + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** RFC 6464 audio level: 0..127 meaning -0..-127 dBov (127 is silence), or -1 if absent. */
    public static int audioLevel(byte[] buf, int off, int len, int id) {
        int found = find(buf, off, len, id);
        return found < 0 || valueLength(found) < 1 ? -1 : buf[valueOffset(off, found)] & 0x7F;
    }

    /** RFC 6464 voice activity flag (the V bit); false if the element is absent. */
    public static boolean voiceActivity(byte[] buf, int off, int len, int id) {
        int found = find(buf, off, len, id);
        return found >= 0 && valueLength(found) >= 1 && (buf[valueOffset(off, found)] & 0x80) != 0;
    }

    /** Transport-wide sequence number 0..65535, or -1 if absent. */
    public static int transportCcSeq(byte[] buf, int off, int len, int id) {
        int found = find(buf, off, len, id);
        return found < 0 || valueLength(found) < 2 ? -1 : BigEndian.u16(buf, valueOffset(off, found));
    }

    /** Rewrites the transport-wide sequence number in place; false if the element is absent. */
    public static boolean setTransportCcSeq(byte[] buf, int off, int len, int id, int seq) {
        int found = find(buf, off, len, id);
        if (found < 0 || valueLength(found) < 2) {
            return false;
        }
        BigEndian.put16(buf, valueOffset(off, found), seq);
        return true;
    }

    /** abs-send-time, 24 bits (6 bits seconds, 18 bits fraction), or -1 if absent. */
    public static int absSendTime(byte[] buf, int off, int len, int id) {
        int found = find(buf, off, len, id);
        return found < 0 || valueLength(found) < 3 ? -1 : BigEndian.u24(buf, valueOffset(off, found));
    }
}
