package sabaq.media.rtcp;

/**
 * The REMB bitrate field: a 6-bit exponent and an 18-bit mantissa, bitrate = mantissa * 2^exponent
 * (draft-alvestrand-rmcat-remb-03 section 2.2).
 */
final class RembBitrate {
    static final int MAX_MANTISSA = (1 << 18) - 1;

    private RembBitrate() {
    }

    /** Smallest exponent whose mantissa fits 18 bits; the mantissa is rounded down. */
    static int exponent(long bitrateBps) {
        int exponent = 0;
        while ((bitrateBps >>> exponent) > MAX_MANTISSA) {
            exponent++;
        }
        return exponent;
    }

    static long decode(long mantissa, int exponent) {
        if (mantissa == 0) {
            return 0;
        }
        int bits = 64 - Long.numberOfLeadingZeros(mantissa);
        return bits + exponent > 63 ? Long.MAX_VALUE : mantissa << exponent;
    }
}
