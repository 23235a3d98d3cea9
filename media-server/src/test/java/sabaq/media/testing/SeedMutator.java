package sabaq.media.testing;

import java.util.Random;

/**
 * The generic half of the parser fuzz tests: copies a valid seed packet into a buffer and damages it in one of the
 * ways that hit parsers hardest — flipped bits, one random byte, truncation, or random bytes appended. Each fuzz test
 * adds its protocol-specific mutations (length fields, counts) on top.
 */
public final class SeedMutator {
    /** How many generic mutations {@link #mutate} knows (0 .. COUNT-1). */
    public static final int COUNT = 4;

    private SeedMutator() {
    }

    /**
     * Writes {@code seed} at {@code out[off]} and applies generic mutation {@code mode}; returns the resulting length.
     * {@code maxFlips} bounds the flipped bits; {@code maxAppend} the bytes appended; appended lengths are rounded to
     * {@code appendMultiple} (1 for none).
     */
    public static int mutate(Random random, int mode, byte[] seed, byte[] out, int off, int maxFlips, int maxAppend,
                             int appendMultiple) {
        System.arraycopy(seed, 0, out, off, seed.length);
        int len = seed.length;
        switch (mode) {
            case 0:
                for (int flips = 1 + random.nextInt(maxFlips); flips > 0; flips--) {
                    int bit = random.nextInt(len * 8);
                    out[off + bit / 8] ^= (byte) (1 << (bit % 8));
                }
                return len;
            case 1:
                out[off + random.nextInt(len)] = (byte) random.nextInt(256);
                return len;
            case 2:
                return random.nextInt(len + 1);
            default: {
                int extra = appendMultiple * random.nextInt(Math.max(1, maxAppend / appendMultiple));
                for (int i = 0; i < extra; i++) {
                    out[off + len + i] = (byte) random.nextInt(256);
                }
                return len + extra;
            }
        }
    }
}
