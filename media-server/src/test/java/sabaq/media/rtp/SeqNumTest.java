package sabaq.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeqNumTest {
    @Test
    void diffAndNewerAcrossTheWrap() {
        int[][] table = {
            // a, b, diff(a, b)
            {1, 0xFFFE, 3},
            {0, 0xFFFF, 1},
            {0xFFFF, 0, -1},
            {0xFFFE, 1, -3},
            {100, 100, 0},
            {0x7FFF, 0, 0x7FFF},
            {0x8001, 0, -0x7FFF},
            {0x8000, 0, -0x8000},
            {0, 0x8000, -0x8000},
            {5000, 2000, 3000},
        };
        for (int[] row : table) {
            assertEquals(row[2], SeqNum.diff(row[0], row[1]), row[0] + " - " + row[1]);
            assertEquals(row[2] > 0, SeqNum.isNewer(row[0], row[1]), row[0] + " newer than " + row[1]);
        }
        assertFalse(SeqNum.isNewer(0x8000, 0));
        assertFalse(SeqNum.isNewer(0, 0x8000));
    }

    @Test
    void addWraps() {
        assertEquals(1, SeqNum.add(0xFFFE, 3));
        assertEquals(0xFFFF, SeqNum.add(0, -1));
        assertEquals(0, SeqNum.add(0xFFFF, 1));
        assertEquals(10, SeqNum.add(5, 5));
    }

    @Test
    void unwrapperCountsCyclesAndPlacesReorderedPackets() {
        SeqNumUnwrapper u = new SeqNumUnwrapper();
        int[] in = {0xFFFD, 0xFFFE, 1, 0xFFFF, 0, 2, 0xFFFC, 3};
        long[] expected = {0xFFFD, 0xFFFE, 0x10001, 0xFFFF, 0x10000, 0x10002, 0xFFFC, 0x10003};
        for (int i = 0; i < in.length; i++) {
            assertEquals(expected[i], u.unwrap(in[i]), "packet " + i);
        }
        assertEquals(0x10003, u.highest());
    }

    @Test
    void unwrapperFollowsManyCycles() {
        SeqNumUnwrapper u = new SeqNumUnwrapper();
        long expected = 60000;
        u.unwrap(60000);
        for (int i = 0; i < 5 * 65536; i += 1000) {
            expected += 1000;
            assertEquals(expected, u.unwrap((int) (expected & 0xFFFF)));
        }
        assertTrue(expected > 5 * 65536);
    }

    @Test
    void unwrapperGoesNegativeForPacketsOlderThanTheFirst() {
        SeqNumUnwrapper u = new SeqNumUnwrapper();
        assertEquals(2, u.unwrap(2));
        assertEquals(-1, u.unwrap(0xFFFF));
        assertEquals(3, u.unwrap(3));
        u.reset();
        assertEquals(0xFFFF, u.unwrap(0xFFFF));
    }

    @Test
    void timestampUnwrapperHandlesTheWrapAndReordering() {
        TimestampUnwrapper u = new TimestampUnwrapper();
        assertEquals(0xFFFF_FF00L, u.unwrap(0xFFFF_FF00L));
        assertEquals(0x1_0000_0200L, u.unwrap(0x200));
        assertEquals(0xFFFF_FFF0L, u.unwrap(0xFFFF_FFF0L), "late packet from before the wrap");
        assertEquals(0x1_0000_0500L, u.unwrap(0x500));
        assertEquals(0x1_0000_0500L, u.highest());
        assertEquals(0x1_8000_0400L, u.unwrap(0x8000_0400L), "just under half the range ahead");
    }
}
