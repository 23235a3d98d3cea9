package sabaq.media.cc;

import org.junit.jupiter.api.Test;
import sabaq.media.cc.BandwidthAllocator.Allocation;
import sabaq.media.cc.BandwidthAllocator.VideoDemand;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BandwidthAllocatorTest {
    private static final long[] SIMULCAST = {150_000, 500_000, 1_500_000};
    private static final VideoDemand TEACHER = new VideoDemand("teacher", 20, SIMULCAST);
    private static final VideoDemand SCREEN = new VideoDemand("screen", 30, new long[]{800_000});
    private static final VideoDemand STUDENT = new VideoDemand("student", 10, SIMULCAST);

    private static Allocation alloc(long budget, List<VideoDemand> v, Map<Object, Integer> current) {
        return BandwidthAllocator.allocate(budget, 40_000, v, 10, false, 100_000, current);
    }

    @Test
    void aWideLineGetsEveryTopLayer() {
        Allocation a = alloc(10_000_000, List.of(TEACHER, SCREEN, STUDENT), Map.of());
        assertEquals(2, a.layer("teacher"));
        assertEquals(0, a.layer("screen"));
        assertEquals(2, a.layer("student"));
        assertEquals(40_000 + 1_500_000 + 800_000 + 1_500_000, a.desiredBps());
    }

    @Test
    void aThinLineGetsTheTeachersLowLayerOnly() {
        Allocation a = alloc(300_000, List.of(TEACHER, STUDENT), Map.of());
        assertEquals(0, a.layer("teacher"));
        assertEquals(-1, a.layer("student"), "nothing left for the student after audio and the teacher");
        assertTrue(a.allocatedBps() <= 300_000);
    }

    @Test
    void priorityDecidesWhoGetsTheBandwidth() {
        Allocation a = alloc(1_100_000, List.of(STUDENT, TEACHER, SCREEN), Map.of());
        assertEquals(0, a.layer("screen"), "slides first");
        assertEquals(0, a.layer("teacher"));
        assertEquals(-1, a.layer("student"));
    }

    @Test
    void belowTheAudioOnlyThresholdVideoPauses() {
        Allocation a = alloc(90_000, List.of(TEACHER), Map.of());
        assertTrue(a.audioOnly());
        assertEquals(-1, a.layer("teacher"));
    }

    @Test
    void audioOnlyOnRequestSendsNoVideoAndDoesNotAskForMore() {
        Allocation a = BandwidthAllocator.allocate(10_000_000, 40_000, List.of(TEACHER), 10, true, 100_000, Map.of());
        assertEquals(-1, a.layer("teacher"));
        assertEquals(40_000, a.desiredBps(), "no probing for video the subscriber does not want");
    }

    @Test
    void upgradingNeedsHeadroomButKeepingALayerDoesNot() {
        long exactlyMid = 40_000 + 500_000;
        assertEquals(0, alloc(exactlyMid, List.of(TEACHER), Map.of()).layer("teacher"), "no headroom: stay low");
        assertEquals(1, alloc(exactlyMid, List.of(TEACHER), Map.of("teacher", 1)).layer("teacher"), "keep current");
        assertEquals(1, alloc(40_000 + 560_000, List.of(TEACHER), Map.of()).layer("teacher"));
    }

    @Test
    void lastNLimitsHowManyVideosAreSent() {
        Allocation a = BandwidthAllocator.allocate(10_000_000, 40_000, List.of(TEACHER, STUDENT, SCREEN), 2, false,
                100_000, Map.of());
        assertEquals(-1, a.layer("student"));
        assertEquals(2, a.layer("teacher"));
    }

    @Test
    void inactiveLayersAreSkipped() {
        VideoDemand noMid = new VideoDemand("t", 1, new long[]{150_000, 0, 1_500_000});
        assertEquals(2, alloc(5_000_000, List.of(noMid), Map.of()).layer("t"));
        assertEquals(0, alloc(1_000_000, List.of(noMid), Map.of()).layer("t"));
    }
}
