package sabaq.studio.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sabaq.recorder.storage.MinioObjectStore;
import sabaq.recorder.testing.RequireFfmpeg;
import sabaq.recorder.testing.S3ProxyFixture;
import sabaq.studio.testing.StudioHarness;
import sabaq.studio.testing.TestMedia;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code studio} command line end to end (in this JVM): publish a course file with a progress bar, list jobs, failures. */
class StudioMainTest {
    @TempDir
    static Path dir;
    static S3ProxyFixture s3;
    static Config config;
    static MinioObjectStore store;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws Exception {
        s3 = new S3ProxyFixture(Files.createDirectories(dir.resolve("s3"))).start();
        store = new MinioObjectStore(s3.settings(StudioHarness.BUCKET));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sabaq.studio.data-dir", dir.resolve("data").toString());
        m.put("sabaq.studio.bucket", StudioHarness.BUCKET);
        m.put("sabaq.studio.profile-parameters.hls-ladder.preset", "ultrafast");
        m.put("sabaq.storage.s3.endpoint", "http://127.0.0.1:" + s3.port());
        m.put("sabaq.storage.s3.bucket", StudioHarness.RECORDINGS_BUCKET);
        m.put("sabaq.storage.s3.access-key", S3ProxyFixture.ACCESS);
        m.put("sabaq.storage.s3.secret-key", S3ProxyFixture.SECRET);
        m.put("sabaq.recorder.ffmpeg-bin", RequireFfmpeg.tools().ffmpegPath().toString());
        m.put("sabaq.recorder.ffprobe-bin", RequireFfmpeg.tools().ffprobePath().toString());
        config = ConfigFactory.parseMap(m);
        Path media = Files.createDirectories(dir.resolve("media"));
        TestMedia.lecture(media, "lecture.mp4", 6, 160, 90, 0.1);
        TestMedia.srt(media.resolve("ru.srt"), "Привет", 0, 6);
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
    }

    @Test
    void publishesACourseFileWithAProgressBarAndListsTheJob() throws Exception {
        Path course = course("cli-course", "cuts: {start: 1}");
        assertEquals(0, run("publish", course.toString()), this::both);
        String o = out.toString(StandardCharsets.UTF_8);
        assertTrue(o.contains("upload lecture.mp4") && o.contains("upload ru.srt"), o);
        assertTrue(o.contains("Published: cli-course"), o);
        String bar = err.toString(StandardCharsets.UTF_8);
        assertTrue(bar.lines().anyMatch(l -> l.matches("\\[[#.]{30}] +\\d+ %  .+ \\(l1\\)  about \\d+:\\d\\d left")), bar);
        assertTrue(bar.lines().anyMatch(l -> l.equals("[##############################] 100 %  done")), bar);
        assertTrue(store.stat("catalog/cli-course.json").isPresent());

        out.reset();
        assertEquals(0, run("jobs", "--lang", "ru"));
        assertTrue(out.toString(StandardCharsets.UTF_8).lines().anyMatch(l -> l.contains("готово") && l.contains("100 %")
                && l.contains("cli-course")), out::toString);
    }

    @Test
    void aFailedJobSaysWhichStepAndWhyAndExitsWithOne() throws Exception {
        Path course = course("cli-badcut", "cuts: {start: 1, end: 40}");
        assertEquals(1, run("publish", course.toString()), this::both);
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("Failed at step \"Cuts\" of lesson l1: The cut 1.0–40.0 s lies outside the video, which is 6.0 s long."), e);
    }

    @Test
    void aBrokenSubtitleFileIsRefusedBeforeAnythingIsQueued() throws Exception {
        Files.writeString(dir.resolve("media/broken.srt"), "1\n00:00:03,000 --> 00:00:01,000\nНазад\n");
        Path course = Files.writeString(dir.resolve("media/broken.yaml"), String.join("\n",
                "id: cli-broken", "title: {kk: К, ru: К}", "modules:", "  - id: m1", "    title: {kk: М, ru: М}", "    lessons:",
                "      - id: l1", "        title: {kk: С, ru: У}", "        source: lecture.mp4", "        subtitles: {ru: broken.srt}", ""));
        assertEquals(1, run("publish", course.toString(), "--lang", "kk"), this::both);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("1-реплика (2-жол) басталмай тұрып аяқталады"), this::both);
        assertTrue(!out.toString(StandardCharsets.UTF_8).contains("job "), "no job was queued: " + both());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run());
        assertEquals(2, run("frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: studio publish"));
    }

    private int run(String... args) {
        return new StudioMain(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(config, args.length > 0 && !String.join(" ", args).contains("--lang") ? withLang(args) : args);
    }

    private static String[] withLang(String[] args) {
        String[] a = java.util.Arrays.copyOf(args, args.length + 2);
        a[args.length] = "--lang";
        a[args.length + 1] = "en";
        return a;
    }

    private String both() {
        return out.toString(StandardCharsets.UTF_8) + "\n---\n" + err.toString(StandardCharsets.UTF_8);
    }

    private static Path course(String id, String cuts) throws Exception {
        return Files.writeString(dir.resolve("media/" + id + ".yaml"), String.join("\n",
                "id: " + id,
                "title: {kk: Алгебра, ru: Алгебра}",
                "description: {kk: Курс, ru: Курс}",
                "modules:",
                "  - id: m1",
                "    title: {kk: Бірінші, ru: Первый}",
                "    lessons:",
                "      - id: l1",
                "        title: {kk: Сабақ, ru: Урок}",
                "        source: lecture.mp4",
                "        " + cuts,
                "        subtitles: {ru: ru.srt}",
                "        chapters:",
                "          - {start: 2, title: {kk: Кіріспе, ru: Введение}}",
                ""));
    }
}
