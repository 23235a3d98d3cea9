package sabaq.media.bot;

import org.junit.jupiter.api.Test;
import sabaq.media.rtp.RtpHeaderWriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The receive statistics the integration tests rely on: gaps, repairs, duplicates, wraps, report blocks. */
class ReceivedStreamTest {
    private final byte[] packet = new byte[100];
    private final int len = new RtpHeaderWriter().write(packet, 0, 96, false, 0, 0, 1) + 20;

    @Test
    void gapsRepairsAndDuplicatesAcrossTheWrap() {
        ReceivedStream s = new ReceivedStream("1", 1, 2, false);
        for (int seq : new int[]{65533, 65534, 1, 2, 65535, 0, 0, 5}) s.onPacket(packet, 0, len, seq, false, 0);
        assertEquals(8, s.packets());
        assertEquals(2 + 2, s.gapsOpened(), "65535 and 0 missing, then 3 and 4");
        assertEquals(2, s.recovered());
        assertEquals(1, s.duplicates());
        assertEquals(2, s.missingNow());
        assertEquals(5, s.highestSeq());
    }

    @Test
    void nacksAreDueOnceThenRetriedAfterTheIntervalUpToTheLimit() {
        ReceivedStream s = new ReceivedStream("1", 1, 2, false);
        s.onPacket(packet, 0, len, 10, false, 0);
        s.onPacket(packet, 0, len, 13, false, 0);
        assertArrayEquals(new int[]{11, 12}, s.dueNacks(0, 100, 2, 1000));
        assertArrayEquals(new int[0], s.dueNacks(50, 100, 2, 1000), "not before the retry interval");
        assertArrayEquals(new int[]{11, 12}, s.dueNacks(100, 100, 2, 1000));
        assertArrayEquals(new int[0], s.dueNacks(300, 100, 2, 1000), "two tries only");
        assertEquals(2, s.missingNow(), "given up, but still missing");
    }

    @Test
    void reportBlockCountsLossSinceTheLastReport() {
        ReceivedStream s = new ReceivedStream("1", 1, 2, false);
        for (int seq = 0; seq < 100; seq++) {
            if (seq % 4 != 3) s.onPacket(packet, 0, len, seq, false, 0);
        }
        // 0..98 expected (99 itself was lost and never seen), 24 of them lost (RFC 3550 appendix A.3).
        long[] block = s.reportBlock(0);
        assertEquals(24 * 256 / 99, block[0], "fraction lost in 1/256");
        assertEquals(24, block[1], "cumulative lost");
        assertEquals(98, block[2], "extended highest sequence number");
        assertEquals(0, s.reportBlock(0)[0], "nothing new, nothing lost");
    }
}
