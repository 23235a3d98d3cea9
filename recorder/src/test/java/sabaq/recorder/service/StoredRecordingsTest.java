package sabaq.recorder.service;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sabaq.common.media.TrackKind;
import sabaq.common.recording.RecordingStatus;
import sabaq.common.recording.RecordingSummary;
import sabaq.common.recording.StoredFile;
import sabaq.common.test.Poll;
import sabaq.common.time.TimeSource;
import sabaq.recorder.post.HlsLadder;
import sabaq.recorder.post.Manifest;
import sabaq.recorder.post.PostProcessor;
import sabaq.recorder.post.RecordingMeta;
import sabaq.recorder.session.LessonRecording;
import sabaq.recorder.session.SegmentRecord;
import sabaq.recorder.session.TrackInfo;
import sabaq.recorder.storage.MinioObjectStore;
import sabaq.recorder.storage.StorageException;
import sabaq.recorder.testing.RequireFfmpeg;
import sabaq.recorder.testing.S3ProxyFixture;
import sabaq.recorder.testing.StoredSegments;
import sabaq.recorder.testing.TestClips;
import sabaq.recorder.upload.SegmentUploader;
import sabaq.recorder.upload.UploadJournal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A recorder started on a bucket written by an earlier process lists that process's recordings (real S3Proxy, real
 * FFmpeg): finished ones as they were, a post-processing job cut short is run again to the end, a lesson cut short
 * is listed as failed, bad manifests are skipped.
 */
class StoredRecordingsTest {
    private static final long T0 = 1_795_000_000_000L;
    private static final String READY_ID = "20261123-040000-a1b2";
    private static final String EMPTY_ID = "20261123-040500-c3d4";
    private static final String CUT_LESSON_ID = "20261123-041000-e5f6";
    @TempDir
    Path dir;
    private final ScheduledExecutorService uploadThread = Executors.newSingleThreadScheduledExecutor();
    private final List<LessonRecorder> recorders = new ArrayList<>();

    @AfterEach
    void stop() {
        recorders.forEach(LessonRecorder::close);
        uploadThread.shutdownNow();
    }

    @Test
    void finishedRecordingsOfAnEarlierProcessAreListedAndPlayable() throws Exception {
        try (S3ProxyFixture s3 = new S3ProxyFixture(Files.createDirectories(dir.resolve("s3"))).start()) {
            MinioObjectStore store = store(s3);
            PostProcessor.Result ready;
            try (UploadJournal journal = UploadJournal.open(dir.resolve("journal-ready"))) {
                ready = postProcessor(store).run(meta("L1", READY_ID), shortLesson(store, "L1", READY_ID), journal,
                        dir.resolve("work-ready"), p -> { });
            }
            assertEquals("ready", ready.status());
            try (UploadJournal journal = UploadJournal.open(dir.resolve("journal-empty"))) {
                postProcessor(store).run(meta("L1", EMPTY_ID), new LessonRecording.Snapshot(List.of(), List.of(),
                        List.of(), T0 + 300_000, T0 + 301_000, List.of()), journal, dir.resolve("work-empty"),
                        p -> { });
            }
            StoredSegments.record(store, dir, "recordings/L1/" + CUT_LESSON_ID, mic(),
                    TestClips.opus(dir, 2.0), T0 + 600_000, 0, 0);
            put(store, "recordings/L1/20261123-041500-bad1/manifest.json", "{ \"version\": 1, \"lessonId\": ");
            put(store, "recordings/L1/20261123-042000-bad2/manifest.json",
                    "{\"version\":1,\"lessonId\":\"L1\",\"recordingId\":\"20261123-042000-bad2\","
                            + "\"status\":\"ready\"}");
            put(store, "recordings/L1/20261123-042500-bad3/manifest.json",
                    new String(read(store, "recordings/L1/" + READY_ID + "/manifest.json"), StandardCharsets.UTF_8));

            LessonRecorder recorder = recorder(store, "second");
            assertEquals(List.of(), recorder.recordings("L1"), "nothing is listed before the scan");
            assertEquals(3, recorder.loadStoredRecordings().get(30, TimeUnit.SECONDS));

            List<RecordingSummary> list = recorder.recordings("L1");
            assertEquals(List.of(READY_ID, EMPTY_ID, CUT_LESSON_ID),
                    list.stream().map(RecordingSummary::recordingId).toList(), "bad manifests skipped, oldest first");
            RecordingSummary r = list.get(0);
            assertEquals(RecordingStatus.READY, r.status());
            assertEquals(ready.durationSeconds(), r.durationSeconds(), 0.001);
            assertEquals(HlsLadder.RENDITIONS, r.renditions());
            assertEquals("Lesson " + READY_ID, r.title());
            assertEquals("Aigerim", r.teacherName());
            assertEquals(T0, r.startedAtMillis());
            assertEquals(T0 + 6_000, r.endedAtMillis());
            assertEquals(100, r.progressPercent());
            assertEquals(RecordingStatus.EMPTY, list.get(1).status());
            assertTrue(list.get(1).error().contains("nothing"), list.get(1).error());
            assertEquals(RecordingStatus.FAILED, list.get(2).status());
            assertEquals(LessonRecorder.INTERRUPTED_DURING_LESSON, list.get(2).error());
            assertEquals(StoredRecordingScan.startOf(CUT_LESSON_ID), list.get(2).startedAtMillis());
            assertEquals(1_795_407_000_000L, list.get(2).startedAtMillis(), "2026-11-23T04:10:00Z from the id");

            assertPlayable(recorder, store, "L1", READY_ID);
            assertTrue(recorder.openObject("L1", "20261123-041500-bad1", "manifest.json").isEmpty());
            assertTrue(recorder.openObject("L1", CUT_LESSON_ID, "hls/master.m3u8").isEmpty());
            assertEquals(0, recorder.loadStoredRecordings().get(30, TimeUnit.SECONDS), "a second scan adds nothing");
        }
    }

    @Test
    void anInterruptedPostProcessingRunsAgainAndCompletes() throws Exception {
        try (S3ProxyFixture s3 = new S3ProxyFixture(Files.createDirectories(dir.resolve("s3"))).start()) {
            MinioObjectStore store = store(s3);
            String id = "20261123-050000-0a0b";
            LessonRecording.Snapshot snap = shortLesson(store, "L2", id);
            try (UploadJournal journal = UploadJournal.open(dir.resolve("journal-killed"))) {
                RuntimeException killed = assertThrows(RuntimeException.class, () -> postProcessor(store).run(
                        meta("L2", id), snap, journal, dir.resolve("work-killed"), p -> {
                            if (p >= 5) throw new IllegalStateException("process killed");
                        }));
                assertEquals("process killed", killed.getMessage());
            }
            String prefix = "recordings/L2/" + id + "/";
            assertTrue(store.stat(prefix + Manifest.PENDING_FILE).isPresent(), "the pending manifest is stored first");
            assertFalse(store.stat(prefix + Manifest.FILE).isPresent());

            LessonRecorder first = recorder(store, "first");
            List<RecordingSummary> seen = new CopyOnWriteArrayList<>();
            first.addListener(seen::add);
            assertEquals(1, first.loadStoredRecordings().get(30, TimeUnit.SECONDS));
            RecordingSummary done = Poll.until(Duration.ofSeconds(120), Duration.ofMillis(100),
                    () -> first.recordings("L2").get(0), s -> s.status() != RecordingStatus.PROCESSING,
                    "the resumed post-processing to finish");
            assertEquals(RecordingStatus.READY, done.status(), String.valueOf(done.error()));
            assertEquals(6.0, done.durationSeconds(), 0.3);
            assertEquals(HlsLadder.RENDITIONS, done.renditions());
            assertTrue(seen.stream().anyMatch(s -> s.status() == RecordingStatus.PROCESSING && s.progressPercent() > 0
                    && s.progressPercent() < 100), "progress is reported while the job runs again");
            assertTrue(store.stat(prefix + Manifest.FILE).isPresent());
            first.close();

            LessonRecorder second = recorder(store, "second");
            assertEquals(1, second.loadStoredRecordings().get(30, TimeUnit.SECONDS));
            RecordingSummary again = second.recordings("L2").get(0);
            assertEquals(RecordingStatus.READY, again.status());
            assertEquals(done.durationSeconds(), again.durationSeconds(), 0.001);
            assertEquals(done.renditions(), again.renditions());
            assertEquals(done.startedAtMillis(), again.startedAtMillis());
            assertEquals(done.endedAtMillis(), again.endedAtMillis());
            assertPlayable(second, store, "L2", id);
        }
    }

    @Test
    void aResumedJobThatFailsIsListedAsFailedAndNotRunAgain() throws Exception {
        try (S3ProxyFixture s3 = new S3ProxyFixture(Files.createDirectories(dir.resolve("s3"))).start()) {
            MinioObjectStore store = store(s3);
            String id = "20261123-060000-dead";
            String prefix = "recordings/L4/" + id;
            SegmentRecord lost = new SegmentRecord(mic().trackId(), prefix + "/tracks/T-microphone/r001-s00000.webm",
                    "r001", 0, T0, 4_000, 0, 0, 100, null);
            LessonRecording.Snapshot snap = new LessonRecording.Snapshot(List.of(mic()), List.of(), List.of(lost), T0,
                    T0 + 4_000, List.of());
            put(store, prefix + "/" + Manifest.PENDING_FILE, Manifest.build(meta("L4", id), snap, "processing", null,
                    0, Map.of(mic().trackId(), List.of(lost)), List.of()).toString());

            LessonRecorder first = recorder(store, "first");
            assertEquals(1, first.loadStoredRecordings().get(30, TimeUnit.SECONDS));
            Poll.until(Duration.ofSeconds(30), () -> stat(store, prefix + "/" + Manifest.FILE),
                    "the manifest of the failure to be stored");
            RecordingSummary failed = first.recordings("L4").get(0);
            assertEquals(RecordingStatus.FAILED, failed.status());
            assertTrue(failed.error().contains("segment missing"), failed.error());
            first.close();

            LessonRecorder second = recorder(store, "second");
            List<RecordingSummary> seen = new CopyOnWriteArrayList<>();
            second.addListener(seen::add);
            assertEquals(1, second.loadStoredRecordings().get(30, TimeUnit.SECONDS));
            assertEquals(RecordingStatus.FAILED, second.recordings("L4").get(0).status());
            assertEquals(failed.error(), second.recordings("L4").get(0).error());
            assertTrue(seen.stream().noneMatch(s -> s.status() == RecordingStatus.PROCESSING), "not run again");
        }
    }

    private static boolean stat(MinioObjectStore store, String key) {
        try {
            return store.stat(key).isPresent();
        } catch (StorageException e) {
            return false;
        }
    }

    @Test
    void theScanWaitsForStorageThatIsDownAtStart() throws Exception {
        try (S3ProxyFixture s3 = new S3ProxyFixture(Files.createDirectories(dir.resolve("s3"))).start()) {
            MinioObjectStore store = store(s3);
            try (UploadJournal journal = UploadJournal.open(dir.resolve("journal"))) {
                postProcessor(store).run(meta("L3", EMPTY_ID), new LessonRecording.Snapshot(List.of(), List.of(),
                        List.of(), T0, T0 + 1_000, List.of()), journal, dir.resolve("work"), p -> { });
            }
            s3.stop();
            LessonRecorder recorder = recorder(store, "down");
            var loaded = recorder.loadStoredRecordings();
            assertThrows(java.util.concurrent.TimeoutException.class, () -> loaded.get(1, TimeUnit.SECONDS),
                    "no listing while storage is down");
            s3.start();
            assertEquals(1, loaded.get(30, TimeUnit.SECONDS));
            assertEquals(RecordingStatus.EMPTY, recorder.recordings("L3").get(0).status());
        }
    }

    private void assertPlayable(LessonRecorder recorder, MinioObjectStore store, String lessonId, String id)
            throws Exception {
        String prefix = "recordings/" + lessonId + "/" + id + "/";
        for (String path : List.of("hls/master.m3u8", "hls/720p/index.m3u8", "hls/audio/index.m3u8", "poster.jpg",
                "original.mkv")) {
            try (StoredFile f = recorder.openObject(lessonId, id, path).orElseThrow(() -> new AssertionError(path))) {
                byte[] bytes = f.body().readAllBytes();
                assertArrayEquals(read(store, prefix + path), bytes, path);
                assertEquals(bytes.length, f.length(), path);
            }
        }
        String master = new String(read(store, prefix + "hls/master.m3u8"), StandardCharsets.UTF_8);
        assertEquals(3, master.split("#EXT-X-STREAM-INF").length - 1, master);
        byte[] poster = read(store, prefix + "poster.jpg");
        assertArrayEquals(new byte[]{(byte) 0xFF, (byte) 0xD8}, Arrays.copyOf(poster, 2), "a JPEG poster");
    }

    private static RecordingMeta meta(String lessonId, String id) {
        return new RecordingMeta(lessonId, id, "Lesson " + id, "Aigerim", "recordings/" + lessonId + "/" + id);
    }

    private static TrackInfo mic() {
        return new TrackInfo("T:microphone", "T", "Aigerim", "teacher", TrackKind.AUDIO, "microphone");
    }

    /** Six seconds of teacher camera and microphone, stored as segments. */
    private LessonRecording.Snapshot shortLesson(MinioObjectStore store, String lessonId, String id) throws Exception {
        TrackInfo cam = new TrackInfo("T:camera", "T", "Aigerim", "teacher", TrackKind.VIDEO, "camera");
        String prefix = "recordings/" + lessonId + "/" + id;
        List<SegmentRecord> segs = new ArrayList<>();
        segs.addAll(StoredSegments.record(store, dir, prefix, cam, TestClips.vp8(dir, 320, 240, 15, 6.0, 30), T0, 320,
                240));
        segs.addAll(StoredSegments.record(store, dir, prefix, mic(), TestClips.opus(dir, 6.0), T0, 0, 0));
        return new LessonRecording.Snapshot(List.of(cam, mic()),
                List.of(new LessonRecording.ParticipantInfo("T", "Aigerim", "teacher", T0, T0 + 6_000)), segs, T0,
                T0 + 6_000, List.of());
    }

    private MinioObjectStore store(S3ProxyFixture s3) throws Exception {
        MinioObjectStore store = new MinioObjectStore(s3.settings("rec-test"));
        store.ensureBucket();
        return store;
    }

    private PostProcessor postProcessor(MinioObjectStore store) {
        SegmentUploader uploader = new SegmentUploader(store, uploadThread, Duration.ofMillis(50),
                Duration.ofSeconds(1));
        return new PostProcessor(new HlsLadder(RequireFfmpeg.tools(), config("unused").ladder()), store, uploader);
    }

    private LessonRecorder recorder(MinioObjectStore store, String name) {
        LessonRecorder r = new LessonRecorder(config(name), store, RequireFfmpeg.tools(), TimeSource.SYSTEM);
        recorders.add(r);
        return r;
    }

    private RecorderConfig config(String name) {
        Path base = dir.resolve("recorder-" + name);
        return RecorderConfig.from(ConfigFactory.parseString(
                "sabaq.recorder { spool-dir = \"" + base.resolve("spool") + "\", work-dir = \"" + base.resolve("work")
                        + "\", upload-retry-min = 50 ms, upload-retry-max = 200 ms, ladder.x264-preset = ultrafast }")
                .withFallback(ConfigFactory.defaultReference()).resolve());
    }

    private void put(MinioObjectStore store, String key, String text) throws Exception {
        Path f = Files.createTempFile(dir, "put", ".json");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        store.putVerified(key, f, "application/json");
    }

    private static byte[] read(MinioObjectStore store, String key) throws Exception {
        try (InputStream in = store.open(key).orElseThrow(() -> new AssertionError(key)).body()) {
            return in.readAllBytes();
        }
    }
}
