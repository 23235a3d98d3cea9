package sabaq.recorder.footprint;

import org.junit.jupiter.api.Test;
import sabaq.common.footprint.FootprintEvent;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FootprintCodecTest {

    @Test
    void everyVerbRoundTrips() {
        Random r = new Random(7);
        for (int i = 0; i < 2000; i++) {
            FootprintEvent e = TestEvents.random(r, "LESSON" + (i % 7), i);
            byte[] b = FootprintCodec.encode(e);
            byte[] padded = new byte[b.length + 10];
            System.arraycopy(b, 0, padded, 5, b.length);
            assertEquals(e, FootprintCodec.decode(padded, 5, b.length));
        }
    }

    @Test
    void truncatedOrExtendedRecordsAreRejected() {
        byte[] b = FootprintCodec.encode(TestEvents.random(new Random(1), "L1", 1));
        for (int len = 0; len < b.length; len++) assertNull(FootprintCodec.decode(b, 0, len), "length " + len);
        byte[] longer = new byte[b.length + 1];
        System.arraycopy(b, 0, longer, 0, b.length);
        assertNull(FootprintCodec.decode(longer, 0, longer.length));
        assertNull(FootprintCodec.decode(b, 0, b.length + 1));
        assertNull(FootprintCodec.decode(b, -1, 3));
        assertNull(FootprintCodec.decode(null, 0, 0));
    }

    /** 200k random and mutated records: decode never throws and what it returns is in range. */
    @Test
    void fuzz() {
        Random r = new Random(20261123);
        byte[][] seeds = new byte[50][];
        for (int i = 0; i < seeds.length; i++) seeds[i] = FootprintCodec.encode(TestEvents.random(r, "LESSON" + i, i));
        byte[] buf = new byte[4096];
        int decoded = 0;
        for (int i = 0; i < 200_000; i++) {
            byte[] seed = seeds[r.nextInt(seeds.length)];
            int len;
            switch (i % 4) {
                case 0:
                    len = r.nextInt(300);
                    for (int k = 0; k < len; k++) buf[k] = (byte) r.nextInt(256);
                    break;
                case 1:
                    System.arraycopy(seed, 0, buf, 0, seed.length);
                    len = seed.length;
                    for (int f = 1 + r.nextInt(4); f > 0; f--) buf[r.nextInt(len)] ^= (byte) (1 << r.nextInt(8));
                    break;
                case 2:
                    System.arraycopy(seed, 0, buf, 0, seed.length);
                    len = r.nextInt(seed.length + 1);
                    break;
                default:
                    System.arraycopy(seed, 0, buf, 0, seed.length);
                    len = seed.length;
                    buf[r.nextInt(len)] = (byte) r.nextInt(256);
            }
            FootprintEvent e = FootprintCodec.decode(buf, 0, len);
            if (e != null) {
                decoded++;
                assertNotNull(e.verb());
                assertNotNull(e.context().role());
                assertTrue(e.result().watched().size() <= FootprintEvent.MAX_WATCHED_RANGES);
            }
        }
        // Flipped bits inside strings or numbers still decode: the journal's CRC-32 catches those.
        assertTrue(decoded > 0 && decoded < 200_000, "decoded " + decoded);
    }
}
