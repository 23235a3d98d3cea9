package sabaq.recorder.post;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import sabaq.common.media.TrackKind;
import sabaq.recorder.session.LessonRecording;
import sabaq.recorder.session.SegmentRecord;
import sabaq.recorder.session.TrackInfo;
import sabaq.recorder.storage.StoredObject;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestReaderTest {
    private static final long T0 = 1_795_000_000_000L;
    private static final String PREFIX = "recordings/L1/R1";
    private static final TrackInfo CAM = new TrackInfo("T:camera", "T", "Aigerim", "teacher", TrackKind.VIDEO,
            "camera");
    private static final TrackInfo MIC = new TrackInfo("T:microphone", "T", "Aigerim", "teacher", TrackKind.AUDIO,
            "microphone");
    private static final List<SegmentRecord> SEGMENTS = List.of(
            new SegmentRecord(CAM.trackId(), PREFIX + "/tracks/T-camera/r001-s00000.webm", "r001", 0, T0, 10_000, 640,
                    360, 1234, "ab12"),
            new SegmentRecord(CAM.trackId(), PREFIX + "/tracks/T-camera/r002-s00000.webm", "r002", 0, T0 + 12_000,
                    4_000, 1280, 720, 999, null),
            new SegmentRecord(MIC.trackId(), PREFIX + "/tracks/T-microphone/r001-s00000.webm", "r001", 0, T0, 16_000, 0,
                    0, 321, "cd34"));

    private static byte[] manifest(String status) {
        LessonRecording.Snapshot snap = new LessonRecording.Snapshot(List.of(CAM, MIC),
                List.of(new LessonRecording.ParticipantInfo("T", "Aigerim", "teacher", T0, T0 + 16_000)), SEGMENTS, T0,
                T0 + 16_500, List.of());
        ObjectNode m = Manifest.build(new RecordingMeta("L1", "R1", "Algebra", "Aigerim", PREFIX), snap, status, null,
                16.0, Map.of(CAM.trackId(), SEGMENTS.subList(0, 2), MIC.trackId(), SEGMENTS.subList(2, 3)),
                List.of(new StoredObject(PREFIX + "/hls/master.m3u8", 10, "ee")));
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void whatTheManifestWritesIsReadBack() {
        StoredRecording r = ManifestReader.parse(manifest("ready"), "L1", "R1");
        assertEquals("ready", r.status());
        assertEquals(new RecordingMeta("L1", "R1", "Algebra", "Aigerim", PREFIX), r.meta());
        assertEquals(T0, r.startedAtMillis());
        assertEquals(T0 + 16_500, r.endedAtMillis());
        assertEquals(16.0, r.durationSeconds());
        assertEquals(List.of("720p", "360p", "audio"), r.renditions());
        assertNull(r.error());
        assertEquals(List.of(CAM, MIC), r.snapshot().tracks());
        assertEquals(1, r.snapshot().participants().size());
        List<SegmentRecord> segs = r.snapshot().segments();
        assertEquals(3, segs.size());
        for (int i = 0; i < 3; i++) {
            SegmentRecord want = SEGMENTS.get(i);
            SegmentRecord got = segs.get(i);
            assertEquals(want.key(), got.key());
            assertEquals(want.trackId(), got.trackId());
            assertEquals(want.run(), got.run());
            assertEquals(want.startMillis(), got.startMillis());
            assertEquals(want.durationMillis(), got.durationMillis());
            assertEquals(want.width(), got.width());
            assertEquals(want.height(), got.height());
            assertEquals(want.length(), got.length());
            assertEquals(want.sha256(), got.sha256());
        }
        assertEquals(2, segs.stream().filter(s -> s.trackId().equals(CAM.trackId())).map(s -> s.run() + "-" + s.index())
                .distinct().count(), "the local names (run-index) of a track's segments stay unique");
        StoredRecording pending = ManifestReader.parse(manifest("processing"), "L1", "R1");
        assertEquals("processing", pending.status());
        assertEquals(List.of(), pending.renditions());
    }

    @Test
    void badManifestsSayWhatIsWrong() {
        String good = new String(manifest("ready"), StandardCharsets.UTF_8);
        assertTrue(message(good, "L2", "R1").contains("lessonId"));
        assertTrue(message(good, "L1", "R2").contains("recordingId"));
        assertTrue(message("{", "L1", "R1").contains("malformed"));
        assertTrue(message("[]", "L1", "R1").contains("object"));
        assertTrue(message("", "L1", "R1").contains("object"));
        assertTrue(message(good.replace("\"durationSeconds\":16.0", "\"durationSeconds\":\"x\""), "L1", "R1")
                .contains("durationSeconds"));
        assertTrue(message(good.replace("\"status\":\"ready\"", "\"status\":\"done\""), "L1", "R1").contains("status"));
        assertTrue(message(good.replace("\"kind\":\"video\"", "\"kind\":\"data\""), "L1", "R1").contains("kind"));
        assertTrue(message(good.replace("\"startedAt\":", "\"begun\":"), "L1", "R1").contains("startedAt"));
        assertTrue(message(good.replace(PREFIX + "/tracks/T-camera/r001", "recordings/L9/R9/tracks/x"), "L1", "R1")
                .contains("outside"));
    }

    private static String message(String json, String lessonId, String recordingId) {
        return assertThrows(IllegalArgumentException.class,
                () -> ManifestReader.parse(json.getBytes(StandardCharsets.UTF_8), lessonId, recordingId)).getMessage();
    }

    @Test
    void fuzzedManifestsOnlyEverFailWithIllegalArgument() {
        byte[] good = manifest("ready");
        Random random = new Random(20261123);
        int parsed = 0;
        for (int i = 0; i < 100_000; i++) {
            byte[] input;
            if (i % 4 == 0) {
                input = new byte[random.nextInt(64)];
                random.nextBytes(input);
            } else {
                input = good.clone();
                int edits = 1 + random.nextInt(3);
                for (int e = 0; e < edits; e++) {
                    input[random.nextInt(input.length)] = (byte) (i % 3 == 0 ? random.nextInt(256) : "{}[]\",:0a-"
                            .charAt(random.nextInt(10)));
                }
                if (i % 7 == 0) input = java.util.Arrays.copyOf(input, random.nextInt(input.length));
            }
            try {
                StoredRecording r = ManifestReader.parse(input, "L1", "R1");
                parsed++;
                assertEquals("L1", r.meta().lessonId());
                assertEquals("R1", r.meta().recordingId());
                assertTrue(r.durationSeconds() >= 0);
                for (SegmentRecord s : r.snapshot().segments()) assertTrue(s.key().startsWith(PREFIX + "/tracks/"));
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage() != null && !expected.getMessage().isEmpty());
            }
        }
        assertTrue(parsed > 0, "some mutations keep a valid manifest");
    }
}
