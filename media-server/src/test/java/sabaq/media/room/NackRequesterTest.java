package sabaq.media.room;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NackRequesterTest {
    private static final long MS = 1_000_000L;

    private static int[] due(NackRequester n, long now) {
        int[] out = new int[64];
        int k = n.due(now, out);
        return java.util.Arrays.copyOf(out, k);
    }

    @Test
    void aGapIsRequestedAtOnceThenRetriedThenDropped() {
        NackRequester n = new NackRequester();
        assertFalse(n.onPacket(100, 0));
        assertTrue(n.onPacket(103, MS));
        assertArrayEquals(new int[]{101, 102}, due(n, MS));
        assertArrayEquals(new int[0], due(n, 2 * MS), "not again before the retry interval");
        assertArrayEquals(new int[]{101, 102}, due(n, 2 * MS + NackRequester.RETRY_NANOS));
        assertArrayEquals(new int[]{101, 102}, due(n, 3 * MS + 2 * NackRequester.RETRY_NANOS));
        assertArrayEquals(new int[0], due(n, 4 * MS + 3 * NackRequester.RETRY_NANOS), "gave up after MAX_TRIES");
        assertEquals(0, n.missingCount());
    }

    @Test
    void anArrivalRemovesTheEntry() {
        NackRequester n = new NackRequester();
        n.onPacket(10, 0);
        n.onPacket(14, 0);
        assertFalse(n.onPacket(12, MS), "late packets open no gap");
        assertArrayEquals(new int[]{11, 13}, due(n, MS));
    }

    @Test
    void gapsAcrossTheWrapAreFound() {
        NackRequester n = new NackRequester();
        n.onPacket(65534, 0);
        assertTrue(n.onPacket(1, 0));
        assertArrayEquals(new int[]{65535, 0}, due(n, 0));
    }

    @Test
    void aHugeJumpIsARestartNotLoss() {
        NackRequester n = new NackRequester();
        n.onPacket(1000, 0);
        assertFalse(n.onPacket(1000 + NackRequester.MAX_GAP + 1, 0));
        assertEquals(0, n.missingCount());
    }

    @Test
    void oldEntriesExpire() {
        NackRequester n = new NackRequester();
        n.onPacket(1, 0);
        n.onPacket(3, 0);
        assertArrayEquals(new int[0], due(n, NackRequester.GIVE_UP_NANOS + MS));
    }
}
