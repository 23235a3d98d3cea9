package sabaq.media.rtp;

/**
 * Network byte order reads and writes on byte arrays, shared by the RTP and RTCP codecs. No bounds checks of its
 * own: callers check the slice first, which is where the protocol knowledge (and the right error value) lives.
 */
public final class BigEndian {
    private BigEndian() {
    }

    public static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    public static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    public static int u24(byte[] b, int at) {
        return ((b[at] & 0xFF) << 16) | ((b[at + 1] & 0xFF) << 8) | (b[at + 2] & 0xFF);
    }

    /** 24-bit two's complement value, sign-extended. */
    public static int s24(byte[] b, int at) {
        return (u24(b, at) << 8) >> 8;
    }

    public static long u32(byte[] b, int at) {
        return s32(b, at) & 0xFFFFFFFFL;
    }

    public static int s32(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    public static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    public static void put24(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 16);
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) v;
    }

    public static void put32(byte[] b, int at, long v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
