package sabaq.studio;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sabaq.studio.course.Cuts;
import sabaq.studio.course.Lesson;
import sabaq.studio.course.MediaRef;
import sabaq.studio.course.TimeRange;
import sabaq.studio.job.JobRecord;
import sabaq.studio.job.JobState;
import sabaq.studio.testing.Courses;
import sabaq.studio.testing.Ffprobe;
import sabaq.studio.testing.PublishedHls;
import sabaq.studio.testing.StudioHarness;
import sabaq.studio.testing.TestMedia;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An audio description over a lesson of constant loudness (a steady tone: the measured loudness range is 0 LU, as in
 * the benchmark's generated lecture). FFmpeg 5.1 then re-configures the mixing graph when the narration's first frame
 * arrives, and loudnorm's output had no fixed channel layout for the encoder ("Cannot select channel layout"), so the
 * step failed. The described rendition must come out with the lesson's duration and the loudness target.
 */
class AudioDescriptionTest {
    @TempDir
    static Path dir;
    static StudioHarness h;

    @BeforeAll
    static void start() throws Exception {
        h = StudioHarness.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    @Test
    void narrationOverASteadyLessonWithCuts() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        MediaRef lecture = h.upload(TestMedia.lecture(media, "lecture.mp4", 12, 160, 90, 0.1), UploadService.Kind.VIDEO);
        MediaRef narration = h.upload(TestMedia.narration(media, "narration.m4a", 12), UploadService.Kind.AUDIO);
        Lesson l = Courses.lesson("l1", lecture, new Cuts(1, 11.0, List.of(new TimeRange(4, 6))), null, null, null, Map.of(),
                narration, List.of());
        JobRecord job = h.publishAndWait(Courses.course("described", l), Duration.ofMinutes(2));
        assertEquals(JobState.SUCCEEDED, job.state(), () -> String.valueOf(job.error()));
        PublishedHls.Tree tree = PublishedHls.download(h.store, "published/described/" + job.id() + "/lessons/l1/hls/", dir.resolve("out"));
        // 11 - 1 - 2 s kept
        assertEquals(8.0, Ffprobe.duration(tree.master().resolveSibling("described/index.m3u8")), 0.5);
        assertEquals(-16.0, Ffprobe.integratedLoudness(tree.master().resolveSibling("described/index.m3u8")), 1.0);
    }
}
