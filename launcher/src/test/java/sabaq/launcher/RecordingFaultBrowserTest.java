package sabaq.launcher;

import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.common.cassandra.CassandraExtension;
import com.github.kokorin.jaffree.ffprobe.FFprobeResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sabaq.common.recording.RecordingSummary;
import sabaq.common.test.Poll;
import sabaq.launcher.browser.ChromeBrowser;
import sabaq.launcher.browser.LessonPage;
import sabaq.launcher.recording.RecordingFixture;
import sabaq.recorder.service.LessonRecorder;
import sabaq.recorder.session.LessonRecording;
import sabaq.recorder.session.TrackRecorder;
import sabaq.recorder.storage.StoredObject;
import sabaq.recorder.upload.SegmentUploader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance test 2 of recording: in one lesson published by real Chromium, the camera track's FFmpeg is killed, the
 * recorder's connection is dropped (it rejoins), and the S3 server is stopped for several seconds and restarted on the
 * same port and directory. The final recording must cover the lesson with gaps no longer than the outages, and every
 * segment must be stored exactly once with the checksum the manifest names.
 */
@ExtendWith(CassandraExtension.class)
@Tag("browser")
class RecordingFaultBrowserTest {
    private static final Duration JOIN = Duration.ofSeconds(30);
    private static final long SEGMENT_MILLIS = 4000;
    @TempDir
    static Path dir;
    private static RecordingFixture fx;

    @BeforeAll
    static void start() throws Exception {
        ChromeBrowser.requireInstalled();
        fx = new RecordingFixture(dir, "sabaq.recorder.segment-length = 4 seconds\n"
                + "sabaq.recorder.upload-retry-max = 1 second\n");
    }

    @AfterAll
    static void stop() {
        if (fx != null) fx.close();
    }

    @Test
    void killedFfmpegLostConnectionAndStorageOutageLoseNothingButTheOutages() throws Exception {
        JsonObject lesson = fx.createLesson("Химия 9А", "Ерлан Сейтқали");
        String lessonId = lesson.getString("lessonId");
        LessonRecorder recorder = fx.stack.recorder().recorder();
        SegmentUploader uploader = recorder.uploader();
        try (ChromeBrowser browser = ChromeBrowser.launch("teacher")) {
            LessonPage teacher = new LessonPage(browser);
            teacher.open(fx.lessonUrl(lesson.getString("teacherToken"), null, "record=1"));
            teacher.awaitJoined(JOIN);
            Poll.until(JOIN, () -> teacher.flag("recording"), "recording to start");
            long t0 = System.nanoTime();
            LessonRecording rec = Poll.until(JOIN, () -> recorder.liveRecording(lessonId), Optional::isPresent,
                    "the live recording").orElseThrow();

            // 1. Kill the FFmpeg writing the teacher's camera.
            ProcessHandle ffmpeg = Poll.until(JOIN, Duration.ofMillis(100), () -> cameraFfmpeg(rec), Optional::isPresent,
                    "the camera's FFmpeg to run").orElseThrow();
            waitUntil(t0, 8);
            ffmpeg.destroyForcibly();
            Poll.until(JOIN, Duration.ofMillis(100), () -> cameraFfmpeg(rec),
                    p -> p.isPresent() && p.get().pid() != ffmpeg.pid(), "a new FFmpeg run for the camera");

            // 2. Drop the recorder's connection: it must rejoin and record again.
            waitUntil(t0, 14);
            long dropped = System.nanoTime();
            rec.dropConnection();
            Poll.until(JOIN, Duration.ofMillis(100), rec::joins, n -> n >= 2, "the recorder to rejoin");
            Poll.until(JOIN, Duration.ofMillis(100), () -> cameraFfmpeg(rec), Optional::isPresent,
                    "the camera to be recorded again after the rejoin");
            double recorderOutage = (System.nanoTime() - dropped) / 1e9;

            // 3. Storage down for 8 s, then back on the same port and directory.
            waitUntil(t0, 20);
            fx.stack.recorder().embeddedS3().stop();
            Poll.until(JOIN, Duration.ofMillis(100), uploader::storageDown, d -> d, "the uploader to notice the outage");
            waitUntil(t0, 28);
            assertTrue(uploader.pendingFiles() > 0, "segments wait in the spool while storage is down");
            fx.stack.recorder().embeddedS3().start();
            Poll.until(JOIN, Duration.ofMillis(200), uploader::storageDown, d -> !d, "the spool to drain");

            waitUntil(t0, 36);
            teacher.call("endLesson()");
            double lessonSeconds = (System.nanoTime() - t0) / 1e9;

            RecordingSummary ready = fx.awaitReady(lessonId, Duration.ofSeconds(180));
            String prefix = "recordings/" + lessonId + "/" + ready.recordingId() + "/";
            JsonObject manifest = new JsonObject(fx.read(prefix + "manifest.json"));
            List<String> stored = fx.keys(prefix);
            Set<String> manifestSegments = new HashSet<>();
            for (Object o : manifest.getJsonArray("tracks")) {
                JsonObject track = (JsonObject) o;
                JsonArray segs = track.getJsonArray("segments");
                assertTrue(segs.size() >= 3, track.getString("trackId") + " has segments: " + segs.size());
                double maxGap = 0;
                for (int i = 0; i < segs.size(); i++) {
                    JsonObject s = segs.getJsonObject(i);
                    assertTrue(manifestSegments.add(s.getString("key")), "segment listed once: " + s.getString("key"));
                    StoredObject obj = fx.store.stat(s.getString("key")).orElseThrow(() -> new AssertionError("missing " + s));
                    assertEquals(s.getString("sha256"), obj.sha256(), "checksum of " + s.getString("key"));
                    assertEquals(s.getLong("length").longValue(), obj.length());
                    if (i > 0) {
                        JsonObject prev = segs.getJsonObject(i - 1);
                        double gap = (s.getLong("start") - prev.getLong("start") - prev.getLong("durationMillis")) / 1000.0;
                        maxGap = Math.max(maxGap, gap);
                    }
                }
                boolean camera = "camera".equals(track.getString("source"));
                double allowed = Math.max(recorderOutage, camera ? SEGMENT_MILLIS / 1000.0 : 0) + 1.5;
                assertTrue(maxGap <= allowed, track.getString("trackId") + ": largest gap " + maxGap
                        + " s, allowed " + allowed + " s (recorder outage " + recorderOutage + " s)");
            }
            Set<String> storedSegments = new HashSet<>();
            for (String k : stored) if (k.contains("/tracks/")) storedSegments.add(k);
            assertEquals(manifestSegments, storedSegments, "no segment missing, none extra");
            assertEquals(stored.size(), uploader.uploadedCount(), "every object uploaded exactly once");
            assertTrue(uploader.failureCount() > 0, "the outage was noticed");

            assertEquals(lessonSeconds, ready.durationSeconds(), 2.5, "the recording covers the lesson");
            Path hls = dir.resolve("downloaded");
            fx.download(prefix + "hls/", hls);
            FFprobeResult r = fx.tools.ffprobe().setShowFormat(true).setInput(hls.resolve("720p/index.m3u8")).execute();
            assertEquals(lessonSeconds, r.getFormat().getDuration(), 2.5, "720p duration");
        }
    }

    private static Optional<ProcessHandle> cameraFfmpeg(LessonRecording rec) {
        List<TrackRecorder> live = new ArrayList<>(rec.snapshot().liveRecorders());
        return live.stream().filter(t -> "camera".equals(t.track().source())).findFirst()
                .flatMap(TrackRecorder::ffmpegProcess);
    }

    private static void waitUntil(long t0, int seconds) {
        long target = t0 + Duration.ofSeconds(seconds).toNanos();
        Poll.until(Duration.ofSeconds(seconds + 30), Duration.ofMillis(100), System::nanoTime, now -> now >= target,
                seconds + " s into the lesson");
    }
}
