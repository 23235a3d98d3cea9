package sabaq.signalling.footprint;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WatchReportLimitTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aViewerGetsItsReportsPerMinuteThenWaitsForTheNextWindow() {
        WatchReportLimit limit = new WatchReportLimit(3, 100);
        long t = 5 * SECOND;
        for (int i = 0; i < 3; i++) assertTrue(limit.tryTake("a", t + i));
        assertFalse(limit.tryTake("a", t + 59 * SECOND));
        assertTrue(limit.tryTake("b", t + 59 * SECOND), "viewers are counted apart");
        assertTrue(limit.tryTake("a", t + 60 * SECOND));
    }

    @Test
    void theTableOfViewersIsBounded() {
        WatchReportLimit limit = new WatchReportLimit(10, 2);
        assertTrue(limit.tryTake("a", 0));
        assertTrue(limit.tryTake("b", 0));
        assertFalse(limit.tryTake("c", SECOND), "full while every window is current");
        assertTrue(limit.tryTake("a", SECOND), "known viewers still count");
        assertTrue(limit.tryTake("c", 61 * SECOND), "passed windows make room");
    }
}
