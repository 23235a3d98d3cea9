package sabaq.recorder.media;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpusPacketTest {
    @Test
    void tocGivesSampleCounts() {
        assertEquals(960, OpusPacket.samples(new byte[]{(byte) (31 << 3)}, 0, 1), "CELT 20 ms, one frame");
        assertEquals(1920, OpusPacket.samples(new byte[]{(byte) ((31 << 3) | 1)}, 0, 1), "two CELT 20 ms frames");
        assertEquals(2880, OpusPacket.samples(new byte[]{(byte) (3 << 3)}, 0, 1), "SILK 60 ms");
        assertEquals(480, OpusPacket.samples(new byte[]{(byte) (12 << 3)}, 0, 1), "hybrid 10 ms");
        assertEquals(120 * 3, OpusPacket.samples(new byte[]{(byte) ((16 << 3) | 3), 3}, 0, 2), "code 3, three 2.5 ms frames");
        assertEquals(-1, OpusPacket.samples(new byte[]{(byte) ((31 << 3) | 3), 7}, 0, 2), "7 x 20 ms is over 120 ms");
        assertEquals(-1, OpusPacket.samples(new byte[]{(byte) ((31 << 3) | 3)}, 0, 1), "code 3 without count byte");
        assertEquals(-1, OpusPacket.samples(new byte[0], 0, 0));
        assertEquals(-1, OpusPacket.samples(new byte[]{1}, 1, 1), "slice past the end");
    }

    @Test
    void fuzzStaysInRange() {
        Random r = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            byte[] b = new byte[r.nextInt(4)];
            r.nextBytes(b);
            int off = r.nextInt(3) - 1;
            int len = r.nextInt(5) - 1;
            int s = OpusPacket.samples(b, off, len);
            assertTrue(s == -1 || (s > 0 && s <= OpusPacket.MAX_SAMPLES));
        }
    }
}
