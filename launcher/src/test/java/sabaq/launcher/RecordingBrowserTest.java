package sabaq.launcher;

import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.common.cassandra.CassandraExtension;
import com.github.kokorin.jaffree.ffprobe.FFprobeResult;
import com.github.kokorin.jaffree.ffprobe.Stream;
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

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance test of recording (issue 5): a teacher in real headless Chromium starts a lesson with recording on and
 * publishes the fake camera and microphone for about 20 s while a student watches; every page shows REC; segments
 * reach the S3 server while the lesson runs; after the lesson the bucket holds the HLS master with three renditions,
 * the poster and the manifest; ffprobe (Jaffree) reports the lesson's duration, resolutions and codecs; and the
 * recordings page plays the recording in Chromium, also as audio only.
 */
@ExtendWith(CassandraExtension.class)
@Tag("browser")
class RecordingBrowserTest {
    private static final Duration JOIN = Duration.ofSeconds(30);
    @TempDir
    static Path dir;
    private static RecordingFixture fx;

    @BeforeAll
    static void start() throws Exception {
        ChromeBrowser.requireInstalled();
        fx = new RecordingFixture(dir, "");
    }

    @AfterAll
    static void stop() {
        if (fx != null) fx.close();
    }

    @Test
    void aRecordedLessonIsStoredAndPlaysAtEveryQuality() throws Exception {
        JsonObject lesson = fx.createLesson("Физика 8Б", "Айгерім Бекова");
        String lessonId = lesson.getString("lessonId");
        List<ChromeBrowser> browsers = new ArrayList<>();
        try {
            LessonPage teacher = page(browsers, "teacher");
            teacher.open(fx.lessonUrl(lesson.getString("teacherToken"), null, "record=1"));
            String teacherId = teacher.awaitJoined(JOIN);
            Poll.until(JOIN, () -> teacher.flag("recording"), "the teacher's page to show REC");
            long t0 = System.nanoTime();
            assertTrue(recIndicatorShown(teacher), "REC indicator visible on the teacher's page");

            LessonPage student = page(browsers, "student");
            student.open(fx.lessonUrl(lesson.getString("studentToken"), "Оқушы", null));
            student.awaitJoined(JOIN);
            student.awaitVideoDecoding(teacherId, "camera", JOIN);
            Poll.until(JOIN, () -> student.flag("recording") && recIndicatorShown(student), "the student's page to show REC");

            String prefix = "recordings/" + lessonId + "/";
            Poll.until(Duration.ofSeconds(30), Duration.ofMillis(500), () -> fx.keys(prefix).stream()
                    .filter(k -> k.contains("/tracks/") && k.endsWith(".webm")).count(), n -> n >= 2,
                    "segments of camera and microphone to be stored while the lesson runs");
            long lessonNanos = Duration.ofSeconds(20).toNanos();
            Poll.until(Duration.ofSeconds(40), Duration.ofMillis(200), System::nanoTime, now -> now - t0 >= lessonNanos,
                    "20 s of lesson");
            teacher.call("endLesson()");
            double lessonSeconds = (System.nanoTime() - t0) / 1e9;

            RecordingSummary ready = fx.awaitReady(lessonId, Duration.ofSeconds(180));
            String rec = prefix + ready.recordingId() + "/";
            List<String> keys = fx.store.list(rec);
            assertTrue(keys.stream().filter(k -> k.contains("/tracks/") && k.endsWith(".webm")).count() >= 4,
                    "about 10 s segments of two tracks: " + keys);
            String master = fx.read(rec + "hls/master.m3u8");
            assertEquals(3, master.split("#EXT-X-STREAM-INF").length - 1, master);
            assertTrue(keys.contains(rec + "poster.jpg"), "poster stored");
            assertTrue(keys.contains(rec + "manifest.json"), "manifest stored");
            JsonObject manifest = new JsonObject(fx.read(rec + "manifest.json"));
            assertEquals("ready", manifest.getString("status"));
            assertEquals(lessonId, manifest.getString("lessonId"));

            Path hls = dir.resolve("downloaded");
            fx.download(rec + "hls/", hls);
            probe(hls.resolve("720p/index.m3u8"), lessonSeconds, "h264", 1280, 720);
            probe(hls.resolve("360p/index.m3u8"), lessonSeconds, "h264", 640, 360);
            probe(hls.resolve("audio/index.m3u8"), lessonSeconds, "aac", 0, 0);
            assertEquals(lessonSeconds, ready.durationSeconds(), 2.0, "recorded duration");

            ChromeBrowser viewer = ChromeBrowser.launch("viewer");
            browsers.add(viewer);
            viewer.open(fx.base + "recordings.html?lang=en&play=1#token=" + lesson.getString("studentToken"));
            Poll.until(JOIN, () -> viewer.js("return window.sabaqRecordings && window.sabaqRecordings.state.playing !== null"),
                    Boolean.TRUE::equals, "the recordings page to list and open the recording (" + viewer.consoleLog() + ")");
            viewer.js("document.getElementById('player').muted = true; return document.getElementById('player').play().then(() => true)");
            double played = Poll.until(JOIN, Duration.ofMillis(250), () -> currentTime(viewer), t -> t > 2.0,
                    "the video to play (" + viewer.consoleLog() + ")");
            assertTrue(((Number) viewer.js("return document.getElementById('player').videoWidth")).intValue() > 0);
            viewer.js("return window.sabaqRecordings.setQuality('audio')");
            Poll.until(JOIN, Duration.ofMillis(250), () -> currentTime(viewer), t -> t > played + 2.0,
                    "playback to go on as audio only (" + viewer.consoleLog() + ")");
            assertEquals("audio", viewer.js("return window.sabaqRecordings.state.quality"));
        } finally {
            for (ChromeBrowser b : browsers) b.close();
        }
    }

    private static void probe(Path playlist, double lessonSeconds, String codec, int width, int height) {
        FFprobeResult r = fx.tools.ffprobe().setShowStreams(true).setShowFormat(true).setInput(playlist).execute();
        assertEquals(lessonSeconds, r.getFormat().getDuration(), 2.0, playlist + " duration");
        Stream s = r.getStreams().stream().filter(x -> codec.equals(x.getCodecName())).findFirst()
                .orElseThrow(() -> new AssertionError(playlist + " has no " + codec + " stream"));
        if (width > 0) {
            assertEquals(width, s.getWidth(), playlist + " width");
            assertEquals(height, s.getHeight(), playlist + " height");
        }
    }

    private static double currentTime(ChromeBrowser b) {
        Object v = b.js("return document.getElementById('player').currentTime");
        return v instanceof Number ? ((Number) v).doubleValue() : 0;
    }

    private static boolean recIndicatorShown(LessonPage p) {
        return Boolean.TRUE.equals(p.browser().js("const e = document.getElementById('rec-indicator'); return !!e && !e.hidden"));
    }

    private static LessonPage page(List<ChromeBrowser> browsers, String name) {
        ChromeBrowser b = ChromeBrowser.launch(name);
        browsers.add(b);
        return new LessonPage(b);
    }
}
