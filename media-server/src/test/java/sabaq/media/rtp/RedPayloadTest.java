package sabaq.media.rtp;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedPayloadTest {

    /** One redundant block of 3 bytes (ts offset 960) and a primary block of 2 bytes, PT 111. */
    private static byte[] sample() {
        int tsOffset = 960;
        int blockLen = 3;
        return new byte[]{
                (byte) (0x80 | 111), (byte) (tsOffset >> 6), (byte) (((tsOffset & 0x3F) << 2) | (blockLen >> 8)), (byte) blockLen,
                (byte) 111,
                1, 2, 3,
                9, 8};
    }

    @Test
    void findsThePrimaryBlockAfterTheRedundantOnes() {
        byte[] p = sample();
        long r = RedPayload.primary(p, 0, p.length);
        assertEquals(8, r >>> 16);
        assertEquals(2, r & 0xFFFF);
        assertEquals(9, p[(int) (r >>> 16)]);
    }

    @Test
    void aPrimaryOnlyPayloadHasOneHeaderByte() {
        byte[] p = {111, 5, 6, 7};
        long r = RedPayload.primary(p, 0, p.length);
        assertEquals(1, r >>> 16);
        assertEquals(3, r & 0xFFFF);
    }

    @Test
    void truncatedOrLyingHeadersAreRefused() {
        byte[] p = sample();
        assertEquals(-1, RedPayload.primary(p, 0, 3), "cut inside a 4-byte header");
        byte[] lying = p.clone();
        lying[3] = (byte) 200;
        assertEquals(-1, RedPayload.primary(lying, 0, lying.length), "block length beyond the payload");
        assertEquals(-1, RedPayload.primary(new byte[]{(byte) 0x80, 0, 0, 0}, 0, 4), "no primary header");
    }

    @Test
    void blockPayloadTypesAreRewritten() {
        byte[] p = sample();
        assertTrue(RedPayload.rewriteBlockPayloadType(p, 0, p.length, 111, 109));
        assertEquals(0x80 | 109, p[0] & 0xFF);
        assertEquals(109, p[4]);
    }

    @Test
    void fuzzNeverThrows() {
        Random r = new Random(5);
        for (int i = 0; i < 200_000; i++) {
            byte[] b = new byte[r.nextInt(40)];
            r.nextBytes(b);
            int off = b.length == 0 ? 0 : r.nextInt(b.length);
            int len = b.length - off;
            long res = RedPayload.primary(b, off, len);
            if (res >= 0) {
                assertTrue((res >>> 16) + (res & 0xFFFF) <= off + len);
            }
            RedPayload.rewriteBlockPayloadType(b, off, len, 111, 63);
        }
    }
}
