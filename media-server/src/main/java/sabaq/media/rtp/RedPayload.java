package sabaq.media.rtp;

/**
 * RFC 2198 redundant audio payloads (Chrome's "RED for Opus"): block headers (4 bytes each for redundant blocks,
 * F bit set, 7-bit payload type, 14-bit timestamp offset, 10-bit length; then one byte for the primary block),
 * followed by the blocks' data, redundant first. Static helpers over a payload slice; never throw.
 */
public final class RedPayload {
    private RedPayload() {
    }

    /**
     * Finds the primary (newest) block.
     *
     * @return {@code (offset << 16) | length} of the primary block's data within {@code buf}, or -1 when malformed
     */
    public static long primary(byte[] buf, int off, int len) {
        int end = off + len;
        if (off < 0 || len <= 0 || end > buf.length) return -1;
        int i = off;
        int redundantBytes = 0;
        while (i < end) {
            int b = buf[i] & 0xFF;
            if ((b & 0x80) == 0) {
                int start = i + 1 + redundantBytes;
                if (start > end) return -1;
                return ((long) start << 16) | (end - start);
            }
            if (i + 4 > end) return -1;
            redundantBytes += ((buf[i + 2] & 0x03) << 8) | (buf[i + 3] & 0xFF);
            i += 4;
        }
        return -1;
    }

    /** Rewrites every block header's payload type from {@code from} to {@code to} in place; false when malformed. */
    public static boolean rewriteBlockPayloadType(byte[] buf, int off, int len, int from, int to) {
        int end = off + len;
        if (off < 0 || len <= 0 || end > buf.length) return false;
        for (int i = off; i < end; ) {
            int b = buf[i] & 0xFF;
            if ((b & 0x7F) == from) buf[i] = (byte) ((b & 0x80) | (to & 0x7F));
            if ((b & 0x80) == 0) return true;
            if (i + 4 > end) return false;
            i += 4;
        }
        return false;
    }
}
