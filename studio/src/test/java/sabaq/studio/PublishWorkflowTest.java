package sabaq.studio;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sabaq.studio.catalog.CatalogEntry;
import sabaq.studio.course.Chapter;
import sabaq.studio.course.Course;
import sabaq.studio.course.Cuts;
import sabaq.studio.course.Lesson;
import sabaq.studio.course.MediaRef;
import sabaq.studio.course.Pip;
import sabaq.studio.course.TimeRange;
import sabaq.studio.job.JobRecord;
import sabaq.studio.job.JobState;
import sabaq.studio.store.StoreFiles;
import sabaq.studio.testing.Courses;
import sabaq.studio.testing.Ffprobe;
import sabaq.studio.testing.StudioHarness;
import sabaq.studio.testing.TestMedia;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance 1: the publish workflow on generated media (a 60 s lecture, a 5 s intro, a 3 s outro, a sign-language
 * clip, a narration, kk and ru subtitles) produces a published course whose master playlist lists the renditions,
 * the audio description and the subtitle tracks; ffprobe confirms the durations after the cuts, the PiP's position
 * and size, and the loudness target.
 */
class PublishWorkflowTest {
    @TempDir
    static Path dir;
    static StudioHarness h;
    static JobRecord job;
    static Path published;

    @BeforeAll
    static void publish() throws Exception {
        h = StudioHarness.start(dir);
        Path media = Files.createDirectories(dir.resolve("media"));
        MediaRef lecture = h.upload(TestMedia.lecture(media, "lecture.mp4", 60, 320, 180, 0.1), UploadService.Kind.VIDEO);
        MediaRef intro = h.upload(TestMedia.colourClip(media, "intro.mp4", "blue", 5, 880), UploadService.Kind.VIDEO);
        MediaRef outro = h.upload(TestMedia.colourClip(media, "outro.mp4", "red", 3, 660), UploadService.Kind.VIDEO);
        MediaRef sign = h.upload(TestMedia.signClip(media, "sign.mp4", 60), UploadService.Kind.VIDEO);
        MediaRef narration = h.upload(TestMedia.narration(media, "narration.m4a", 60), UploadService.Kind.AUDIO);
        MediaRef kk = h.upload(TestMedia.srt(media.resolve("kk.srt"), "Сәлем, оқушылар", 0, 60), UploadService.Kind.SUBTITLES);
        MediaRef ru = h.upload(TestMedia.srt(media.resolve("ru.srt"), "Здравствуйте, ученики", 0, 60), UploadService.Kind.SUBTITLES);
        Lesson l = Courses.lesson("l1", lecture, new Cuts(2, 58.0, List.of(new TimeRange(20, 25))), intro, outro,
                new Pip(sign, "bottom-right", 0.25, 0), Map.of("kk", kk, "ru", ru), narration,
                List.of(new Chapter(2, Courses.text("Кіріспе", "Введение")), new Chapter(30, Courses.text("Есеп", "Задача"))));
        Course c = Courses.course("algebra7", l);
        job = h.publishAndWait(c, Duration.ofMinutes(5));
        published = Files.createDirectories(dir.resolve("published"));
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    private static Path fetch(String rel) throws Exception {
        Path target = published.resolve(rel);
        assertTrue(StoreFiles.download(h.store, "published/algebra7/" + job.id() + "/" + rel, target), "stored: " + rel);
        return target;
    }

    @Test
    void jobSucceedsAndTheCourseIsInTheCatalog() throws Exception {
        assertEquals(JobState.SUCCEEDED, job.state(), () -> "job error: " + job.error());
        assertEquals(1.0, job.progress());
        CatalogEntry e = h.studio().services().catalog().get("algebra7").orElseThrow();
        assertEquals(job.id(), e.publicationId());
        assertEquals(1, e.lessons());
        assertEquals(59.0, e.durationSeconds(), 0.5);
        String manifest = Files.readString(fetch("manifest.json"));
        assertTrue(manifest.contains("\"audioDescription\" : true"), manifest);
    }

    @Test
    void masterPlaylistListsRenditionsAudioDescriptionAndSubtitles() throws Exception {
        String master = Files.readString(fetch("lessons/l1/hls/master.m3u8"));
        assertTrue(master.contains("RESOLUTION=1280x720"), master);
        assertTrue(master.contains("RESOLUTION=640x360"), master);
        assertTrue(master.contains("\naudio/index.m3u8"), "audio-only variant: " + master);
        assertTrue(master.contains("CHARACTERISTICS=\"public.accessibility.describes-video\""), master);
        assertTrue(master.contains("TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"Қазақша\",LANGUAGE=\"kk\""), master);
        assertTrue(master.contains("LANGUAGE=\"ru\""), master);
        assertTrue(master.contains("SUBTITLES=\"subs\""), master);
    }

    @Test
    void durationsFollowTheCutsIntroAndOutro() throws Exception {
        for (String r : List.of("720p", "360p", "audio", "described")) fetchPlaylist(r);
        // 5 s intro + (58 - 2 - 5) s kept + 3 s outro
        double expected = 5 + 51 + 3;
        assertEquals(expected, Ffprobe.duration(published.resolve("lessons/l1/hls/720p/index.m3u8")), 0.5);
        assertEquals(expected, Ffprobe.duration(published.resolve("lessons/l1/hls/360p/index.m3u8")), 0.5);
        assertEquals(expected, Ffprobe.duration(published.resolve("lessons/l1/hls/audio/index.m3u8")), 0.5);
        assertEquals(expected, Ffprobe.duration(published.resolve("lessons/l1/hls/described/index.m3u8")), 0.5);
        int[] size = Ffprobe.size(published.resolve("lessons/l1/hls/360p/index.m3u8"));
        assertEquals(640, size[0]);
        assertEquals(360, size[1]);
    }

    @Test
    void signLanguagePipSitsBottomRightAtAQuarterOfTheWidth() throws Exception {
        fetchPlaylist("720p");
        Path v = published.resolve("lessons/l1/hls/720p/index.m3u8");
        // Canvas 1280x720; PiP 0.25 x 1280 = 320 wide, 4:3 -> 240 high, margin 0.03 x 1280 = 38 px.
        int x = 1280 - 320 - 38;
        int y = 720 - 240 - 38;
        double t = 15;
        for (int[] inside : new int[][]{{x + 3, y + 3}, {x + 320 - 11, y + 3}, {x + 3, y + 240 - 11}, {x + 320 - 11, y + 240 - 11}}) {
            double[] yuv = Ffprobe.yuv(v, t, inside[0], inside[1], 8, 8);
            assertTrue(green(yuv), "green inside the PiP at " + inside[0] + "," + inside[1] + ": YUV " + java.util.Arrays.toString(yuv));
        }
        for (int[] outside : new int[][]{{x - 11, y + 100}, {x + 100, y - 11}}) {
            double[] yuv = Ffprobe.yuv(v, t, outside[0], outside[1], 8, 8);
            assertTrue(!green(yuv), "no PiP at " + outside[0] + "," + outside[1] + ": YUV " + java.util.Arrays.toString(yuv));
        }
        // The intro has no PiP.
        assertTrue(!green(Ffprobe.yuv(v, 2, x + 100, y + 100, 8, 8)), "no PiP over the intro");
    }

    @Test
    void loudnessIsWithinOneLuOfTheTarget() throws Exception {
        fetchPlaylist("audio");
        assertEquals(-16.0, Ffprobe.integratedLoudness(published.resolve("lessons/l1/hls/audio/index.m3u8")), 1.0);
        fetchPlaylist("described");
        assertEquals(-16.0, Ffprobe.integratedLoudness(published.resolve("lessons/l1/hls/described/index.m3u8")), 1.0);
    }

    @Test
    void subtitlesAreWebVttMovedThroughTheEdit() throws Exception {
        String kk = Files.readString(fetch("lessons/l1/hls/subtitles/kk/subtitles.vtt"), StandardCharsets.UTF_8);
        assertTrue(kk.startsWith("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:"), kk);
        // Source cue 28-30 s: kept range 25-58 starts at 5 + (20 - 2) = 23 s, so 28 s -> 26 s.
        assertTrue(kk.contains("00:00:26.000 --> 00:00:28.000\nСәлем, оқушылар 28"), kk);
        // Source cue 0-2 s is before the trim start: gone; 20-22 s is removed: gone.
        assertTrue(!kk.contains("оқушылар 0\n") && !kk.contains("оқушылар 20\n"), kk);
        String ruPlaylist = Files.readString(fetch("lessons/l1/hls/subtitles/ru/index.m3u8"));
        assertTrue(ruPlaylist.contains("subtitles.vtt") && ruPlaylist.contains("#EXT-X-ENDLIST"), ruPlaylist);
        String chapters = Files.readString(fetch("lessons/l1/chapters-ru.vtt"), StandardCharsets.UTF_8);
        assertTrue(chapters.contains("00:00:05.000 --> 00:00:28.000\nВведение"), chapters);
        assertTrue(chapters.contains("00:00:28.000 --> 00:00:59.000\nЗадача"), chapters);
    }

    private static boolean green(double[] yuv) {
        // 0x00C000 in BT.601 limited range: U ~ 72, V ~ 57; the grey lecture is at U = V = 128, the blue intro at U ~ 240.
        // The margin allows for chroma subsampling and compression at the PiP's edge.
        return yuv[1] < 100 && yuv[2] < 90;
    }

    private static void fetchPlaylist(String rendition) throws Exception {
        String base = "lessons/l1/hls/" + rendition + "/";
        Path pl = fetch(base + "index.m3u8");
        for (String line : Files.readAllLines(pl)) {
            if (!line.isBlank() && !line.startsWith("#")) fetch(base + line.strip());
        }
    }
}
