package sabaq.media.rtp;

/**
 * Reads and patches the VP8 payload descriptor at the start of an RTP payload (RFC 7741 section 4.2).
 *
 * <pre>
 *      |X|R|N|S|R| PID |   required: X extension present, N non-reference, S start of partition, PID partition index
 *   X: |I|L|T|K| RSV   |   I picture id, L TL0PICIDX, T TID/Y, K KEYIDX present
 *   I: |M| PictureID   |   M: 15-bit picture id, one more byte follows
 *      |   PictureID   |   (if M)
 *   L: |   TL0PICIDX   |
 * T/K: |TID|Y| KEYIDX  |
 * </pre>
 *
 * The VP8 payload header follows the descriptor in the first packet of a frame (S=1, PID=0); its lowest bit is the
 * inverse key frame flag P (RFC 7741 section 4.3; 0 means key frame).
 *
 * <p>All methods take the payload slice {@code buf[off .. off+len)} (the RTP payload without padding), are
 * allocation-free and return -1/false when a field is absent or the descriptor is truncated; none of them throws.
 */
public final class Vp8PayloadDescriptor {
    private Vp8PayloadDescriptor() {
    }

    /** Length of the descriptor in bytes (1..6), or -1 if the payload is shorter than its descriptor. */
    public static int descriptorLength(byte[] buf, int off, int len) {
        if (!RtpPacket.inBounds(buf, off, len, 1)) {
            return -1;
        }
        if ((buf[off] & 0x80) == 0) {
            return 1;
        }
        if (len < 2) {
            return -1;
        }
        int x = buf[off + 1];
        int n = 2;
        if ((x & 0x80) != 0) {
            if (len < 3) {
                return -1;
            }
            n += (buf[off + 2] & 0x80) != 0 ? 2 : 1;
        }
        if ((x & 0x40) != 0) {
            n++;
        }
        if ((x & 0x30) != 0) {
            n++;
        }
        return n <= len ? n : -1;
    }

    /** True if S is set (the packet starts a VP8 partition) and the descriptor is complete. */
    public static boolean startOfPartition(byte[] buf, int off, int len) {
        return descriptorLength(buf, off, len) > 0 && (buf[off] & 0x10) != 0;
    }

    /** Partition index PID (0..7), or -1 if the descriptor is truncated. */
    public static int partitionIndex(byte[] buf, int off, int len) {
        return descriptorLength(buf, off, len) > 0 ? buf[off] & 0x07 : -1;
    }

    /** True if this packet starts a frame: S set and partition index 0. */
    public static boolean startOfFrame(byte[] buf, int off, int len) {
        return descriptorLength(buf, off, len) > 0 && (buf[off] & 0x17) == 0x10;
    }

    /** True if N is set: the frame can be discarded without affecting other frames. */
    public static boolean nonReference(byte[] buf, int off, int len) {
        return descriptorLength(buf, off, len) > 0 && (buf[off] & 0x20) != 0;
    }

    /**
     * True if this packet starts a key frame: S set, partition index 0, and the P bit of the VP8 payload header that
     * follows the descriptor is 0.
     */
    public static boolean isKeyframe(byte[] buf, int off, int len) {
        int n = descriptorLength(buf, off, len);
        return n > 0 && n < len && (buf[off] & 0x17) == 0x10 && (buf[off + n] & 0x01) == 0;
    }

    /** Width of the picture id: 7 or 15 bits, or 0 if absent (or the descriptor is truncated). */
    public static int pictureIdBits(byte[] buf, int off, int len) {
        int at = pictureIdOffset(buf, off, len);
        return at < 0 ? 0 : (buf[at] & 0x80) != 0 ? 15 : 7;
    }

    /** The 7- or 15-bit picture id, or -1 if absent. */
    public static int pictureId(byte[] buf, int off, int len) {
        int at = pictureIdOffset(buf, off, len);
        if (at < 0) {
            return -1;
        }
        return (buf[at] & 0x80) != 0 ? BigEndian.u16(buf, at) & 0x7FFF : buf[at] & 0x7F;
    }

    /**
     * Rewrites the picture id in place, keeping the field's existing width: the low 7 or 15 bits of
     * {@code pictureId} are stored, so a 7-bit field wraps at 128 (callers that rewrite ids across simulcast
     * layers should compute them modulo {@code 1 << pictureIdBits}). Returns false if there is no picture id.
     */
    public static boolean setPictureId(byte[] buf, int off, int len, int pictureId) {
        int at = pictureIdOffset(buf, off, len);
        if (at < 0) {
            return false;
        }
        if ((buf[at] & 0x80) != 0) {
            BigEndian.put16(buf, at, 0x8000 | (pictureId & 0x7FFF));
        } else {
            buf[at] = (byte) (pictureId & 0x7F);
        }
        return true;
    }

    /** TL0PICIDX (0..255), or -1 if absent. */
    public static int tl0PicIdx(byte[] buf, int off, int len) {
        int at = tl0PicIdxOffset(buf, off, len);
        return at < 0 ? -1 : buf[at] & 0xFF;
    }

    /** Rewrites TL0PICIDX in place (low 8 bits); false if absent. */
    public static boolean setTl0PicIdx(byte[] buf, int off, int len, int tl0PicIdx) {
        int at = tl0PicIdxOffset(buf, off, len);
        if (at < 0) {
            return false;
        }
        buf[at] = (byte) tl0PicIdx;
        return true;
    }

    /** Temporal layer id TID (0..3), or -1 if the T bit is clear. */
    public static int temporalId(byte[] buf, int off, int len) {
        int at = tidKeyIdxOffset(buf, off, len);
        return at < 0 || (buf[off + 1] & 0x20) == 0 ? -1 : (buf[at] & 0xC0) >>> 6;
    }

    /** Layer sync bit Y (only meaningful with T set); false if absent. */
    public static boolean layerSync(byte[] buf, int off, int len) {
        int at = tidKeyIdxOffset(buf, off, len);
        return at >= 0 && (buf[off + 1] & 0x20) != 0 && (buf[at] & 0x20) != 0;
    }

    /** KEYIDX (0..31), or -1 if the K bit is clear. */
    public static int keyIdx(byte[] buf, int off, int len) {
        int at = tidKeyIdxOffset(buf, off, len);
        return at < 0 || (buf[off + 1] & 0x10) == 0 ? -1 : buf[at] & 0x1F;
    }

    private static int pictureIdOffset(byte[] buf, int off, int len) {
        if (descriptorLength(buf, off, len) < 0 || (buf[off] & 0x80) == 0 || (buf[off + 1] & 0x80) == 0) {
            return -1;
        }
        return off + 2;
    }

    private static int tl0PicIdxOffset(byte[] buf, int off, int len) {
        if (descriptorLength(buf, off, len) < 0 || (buf[off] & 0x80) == 0 || (buf[off + 1] & 0x40) == 0) {
            return -1;
        }
        return off + 2 + pictureIdLength(buf, off);
    }

    private static int tidKeyIdxOffset(byte[] buf, int off, int len) {
        if (descriptorLength(buf, off, len) < 0 || (buf[off] & 0x80) == 0 || (buf[off + 1] & 0x30) == 0) {
            return -1;
        }
        return off + 2 + pictureIdLength(buf, off) + ((buf[off + 1] & 0x40) != 0 ? 1 : 0);
    }

    /** Bytes used by the picture id in a complete descriptor with X set. */
    private static int pictureIdLength(byte[] buf, int off) {
        if ((buf[off + 1] & 0x80) == 0) {
            return 0;
        }
        return (buf[off + 2] & 0x80) != 0 ? 2 : 1;
    }
}
