package sabaq.recorder.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kokorin.jaffree.ffprobe.FFprobeResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sabaq.common.media.TrackKind;
import sabaq.recorder.media.MediaFrame;
import sabaq.recorder.session.LessonRecording;
import sabaq.recorder.session.SegmentRecord;
import sabaq.recorder.session.TrackInfo;
import sabaq.recorder.storage.MinioObjectStore;
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
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostProcessorTest {
    private static final long T0 = 1_700_000_000_000L;
    /** The default ladder with the fastest x264 preset, to keep the test short. */
    private static final LadderSettings FAST = new LadderSettings("ultrafast", 1_500_000, 400_000, 64_000, 4);
    @TempDir
    Path dir;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private List<SegmentRecord> record(MinioObjectStore store, TrackInfo t, List<MediaFrame> frames, long startMillis,
                                       int width, int height) throws Exception {
        return StoredSegments.record(store, dir, "recordings/L1/R1", t, frames, startMillis, width, height);
    }

    @Test
    void compositeLadderPosterOriginalAndManifest() throws Exception {
        try (S3ProxyFixture s3 = new S3ProxyFixture(Files.createDirectories(dir.resolve("s3"))).start();
             UploadJournal journal = UploadJournal.open(dir.resolve("journal"))) {
            MinioObjectStore store = new MinioObjectStore(s3.settings("rec-test"));
            store.ensureBucket();
            SegmentUploader uploader = new SegmentUploader(store, executor, Duration.ofMillis(50), Duration.ofSeconds(1));
            TrackInfo cam = new TrackInfo("T:camera", "T", "Teacher", "teacher", TrackKind.VIDEO, "camera");
            TrackInfo mic = new TrackInfo("T:microphone", "T", "Teacher", "teacher", TrackKind.AUDIO, "microphone");
            TrackInfo student = new TrackInfo("S:camera", "S", "Student", "student", TrackKind.VIDEO, "camera");
            List<SegmentRecord> segs = new ArrayList<>();
            segs.addAll(record(store, cam, TestClips.vp8(dir, 640, 360, 15, 12.0, 30), T0, 640, 360));
            segs.addAll(record(store, mic, TestClips.opus(dir, 12.0), T0, 0, 0));
            segs.addAll(record(store, student, TestClips.vp8(dir, 320, 240, 15, 4.0, 30), T0 + 5_000, 320, 240));
            LessonRecording.Snapshot snap = new LessonRecording.Snapshot(List.of(cam, mic, student),
                    List.of(new LessonRecording.ParticipantInfo("T", "Teacher", "teacher", T0, T0 + 12_000)),
                    segs, T0, T0 + 12_000, List.of());
            PostProcessor pp = new PostProcessor(new HlsLadder(RequireFfmpeg.tools(), FAST), store, uploader);
            List<Integer> progress = new ArrayList<>();
            PostProcessor.Result r = pp.run(new RecordingMeta("L1", "R1", "Algebra", "Teacher", "recordings/L1/R1"),
                    snap, journal, dir.resolve("work"), progress::add);

            assertEquals("ready", r.status());
            assertEquals(12.0, r.durationSeconds(), 0.3);
            assertEquals(100, progress.get(progress.size() - 1));
            for (int i = 1; i < progress.size(); i++) assertTrue(progress.get(i) >= progress.get(i - 1), "progress only grows");
            String master = read(store, "recordings/L1/R1/hls/master.m3u8");
            assertEquals(3, master.split("#EXT-X-STREAM-INF").length - 1, master);
            assertTrue(store.stat("recordings/L1/R1/poster.jpg").isPresent());
            FFprobeResult p720 = RequireFfmpeg.tools().ffprobe().setShowStreams(true).setShowFormat(true)
                    .setInput(dir.resolve("work/hls/720p/index.m3u8")).execute();
            assertEquals(12.0, p720.getFormat().getDuration(), 1.0);
            assertEquals(1280, p720.getStreams().get(0).getWidth());
            assertEquals("h264", p720.getStreams().get(0).getCodecName());
            JsonNode manifest = new ObjectMapper().readTree(read(store, "recordings/L1/R1/manifest.json"));
            assertEquals("ready", manifest.path("status").asText());
            assertEquals(3, manifest.path("renditions").size());
            assertEquals(3, manifest.path("tracks").size());
            for (JsonNode f : manifest.path("files")) {
                assertEquals(f.path("sha256").asText(), store.stat(f.path("key").asText()).orElseThrow().sha256());
            }
        }
    }

    @Test
    void anAudioOnlyLessonGivesAValidLadder() throws Exception {
        try (S3ProxyFixture s3 = new S3ProxyFixture(Files.createDirectories(dir.resolve("s3"))).start();
             UploadJournal journal = UploadJournal.open(dir.resolve("journal"))) {
            MinioObjectStore store = new MinioObjectStore(s3.settings("rec-test"));
            store.ensureBucket();
            SegmentUploader uploader = new SegmentUploader(store, executor, Duration.ofMillis(50), Duration.ofSeconds(1));
            TrackInfo mic = new TrackInfo("T:microphone", "T", "Teacher", "teacher", TrackKind.AUDIO, "microphone");
            List<SegmentRecord> segs = record(store, mic, TestClips.opus(dir, 6.0), T0, 0, 0);
            PostProcessor pp = new PostProcessor(new HlsLadder(RequireFfmpeg.tools(), FAST), store, uploader);
            PostProcessor.Result r = pp.run(new RecordingMeta("L3", "R3", "Radio", "T", "recordings/L3/R3"),
                    new LessonRecording.Snapshot(List.of(mic), List.of(), segs, T0, T0 + 6_000, List.of()), journal,
                    dir.resolve("work"), p -> { });
            assertEquals("ready", r.status());
            assertEquals(6.0, r.durationSeconds(), 0.3);
            FFprobeResult audio = RequireFfmpeg.tools().ffprobe().setShowStreams(true).setShowFormat(true)
                    .setInput(dir.resolve("work/hls/audio/index.m3u8")).execute();
            assertEquals("aac", audio.getStreams().get(0).getCodecName());
            assertEquals(6.0, audio.getFormat().getDuration(), 1.0);
            assertEquals(3, read(store, "recordings/L3/R3/hls/master.m3u8").split("#EXT-X-STREAM-INF").length - 1);
        }
    }

    @Test
    void aLessonWithNothingRecordedGetsAnEmptyManifest() throws Exception {
        try (S3ProxyFixture s3 = new S3ProxyFixture(Files.createDirectories(dir.resolve("s3"))).start();
             UploadJournal journal = UploadJournal.open(dir.resolve("journal"))) {
            MinioObjectStore store = new MinioObjectStore(s3.settings("rec-test"));
            store.ensureBucket();
            SegmentUploader uploader = new SegmentUploader(store, executor, Duration.ofMillis(50), Duration.ofSeconds(1));
            PostProcessor pp = new PostProcessor(new HlsLadder(RequireFfmpeg.tools(), FAST), store, uploader);
            PostProcessor.Result r = pp.run(new RecordingMeta("L2", "R2", "Empty", "T", "recordings/L2/R2"),
                    new LessonRecording.Snapshot(List.of(), List.of(), List.of(), T0, T0, List.of()), journal,
                    dir.resolve("work"), p -> { });
            assertEquals("empty", r.status());
            JsonNode manifest = new ObjectMapper().readTree(read(store, "recordings/L2/R2/manifest.json"));
            assertEquals("empty", manifest.path("status").asText());
            assertTrue(manifest.path("error").asText().contains("nothing"));
        }
    }

    static String read(MinioObjectStore store, String key) throws Exception {
        try (InputStream in = store.open(key).orElseThrow().body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
