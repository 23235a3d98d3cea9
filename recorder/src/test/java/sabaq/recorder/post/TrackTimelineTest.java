package sabaq.recorder.post;

import org.junit.jupiter.api.Test;
import sabaq.common.media.TrackKind;
import sabaq.recorder.session.SegmentRecord;
import sabaq.recorder.session.TrackInfo;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrackTimelineTest {
    private static final TrackInfo CAM = new TrackInfo("T:camera", "T", "T", "teacher", TrackKind.VIDEO, "camera");

    private static SegmentRecord seg(String key, long start, long duration) {
        return new SegmentRecord("T:camera", key, "r001", 0, start, duration, 640, 360, 1, "x");
    }

    @Test
    void gapsBecomeDeclaredDurationsAndDuplicatesCollapse() {
        TrackTimeline t = new TrackTimeline(CAM, List.of(seg("b", 12_000, 5_000), seg("a", 2_000, 10_000),
                seg("b", 12_000, 5_000), seg("c", 25_000, 3_000)), 1_000);
        assertEquals(3, t.segments().size());
        assertEquals(1.0, t.offsetSeconds(), 1e-9);
        String list = t.concatList(Map.of("a", "/x/a.webm", "b", "/x/b.webm", "c", "/x/it's.webm"));
        assertTrue(list.startsWith("ffconcat version 1.0\n"));
        assertTrue(list.contains("file '/x/a.webm'\nduration 10.000"), list);
        assertTrue(list.contains("file '/x/b.webm'\nduration 13.000"), "the outage after b stays a hole: " + list);
        assertTrue(list.contains("file '/x/it'\\''s.webm'\nduration 3.000"), list);
        List<double[]> iv = t.intervals();
        assertEquals(2, iv.size(), "a and b touch, c is apart");
        assertEquals(1.0, iv.get(0)[0], 1e-9);
        assertEquals(16.0, iv.get(0)[1], 1e-9);
        assertEquals(24.0, iv.get(1)[0], 1e-9);
    }

    @Test
    void compositePutsTheScreenFirstAndTheTeacherCameraInset() {
        TrackInfo screen = new TrackInfo("T:screen", "T", "T", "teacher", TrackKind.VIDEO, "screen");
        TrackInfo student = new TrackInfo("S:camera", "S", "S", "student", TrackKind.VIDEO, "camera");
        TrackTimeline cam = new TrackTimeline(CAM, List.of(seg("a", 0, 10_000)), 0);
        TrackTimeline scr = new TrackTimeline(screen, List.of(seg("s", 0, 10_000)), 0);
        TrackTimeline stu = new TrackTimeline(student, List.of(seg("u", 0, 10_000)), 0);
        assertEquals(CompositeGraph.Place.INSET_TOP, CompositeGraph.placeOf(cam, true));
        assertEquals(CompositeGraph.Place.MAIN, CompositeGraph.placeOf(cam, false));
        assertEquals(CompositeGraph.Place.MAIN, CompositeGraph.placeOf(scr, true));
        assertEquals(CompositeGraph.Place.INSET_BOTTOM, CompositeGraph.placeOf(stu, true));
        String g = CompositeGraph.build(List.of(cam, scr, stu), 10);
        assertTrue(g.contains("[v720]") && g.contains("[v360]") && g.contains("[aout]"), g);
        assertTrue(g.contains("anullsrc"), "no microphone: silence");
        assertTrue(g.contains("enable='between(t,0.000,10.100)'"), g);
    }
}
