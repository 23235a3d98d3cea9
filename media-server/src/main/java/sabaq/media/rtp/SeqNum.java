package sabaq.media.rtp;

/**
 * 16-bit RTP sequence number arithmetic (serial number arithmetic in the style of RFC 1982 with SERIAL_BITS = 16).
 *
 * <p>{@code b} is "newer" than {@code a} when it lies 1..32767 steps ahead modulo 2^16. Two numbers exactly 32768
 * apart are undefined in RFC 1982; here neither is newer than the other and {@link #diff} gives -32768.
 */
public final class SeqNum {
    private SeqNum() {
    }

    /** True if {@code a} is newer (later) than {@code b}, i.e. {@code diff(a, b)} is in 1..32767. */
    public static boolean isNewer(int a, int b) {
        return diff(a, b) > 0;
    }

    /** Signed distance {@code a - b} modulo 2^16, in -32768..32767 (e.g. {@code diff(1, 0xFFFE) == 3}). */
    public static int diff(int a, int b) {
        return (short) (a - b);
    }

    /** {@code (a + delta) mod 2^16}; delta may be negative. */
    public static int add(int a, int delta) {
        return (a + delta) & 0xFFFF;
    }
}
