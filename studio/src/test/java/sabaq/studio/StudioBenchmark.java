package sabaq.studio;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sabaq.recorder.testing.RequireFfmpeg;
import sabaq.studio.course.Chapter;
import sabaq.studio.course.Cuts;
import sabaq.studio.course.Lesson;
import sabaq.studio.course.MediaRef;
import sabaq.studio.course.Pip;
import sabaq.studio.course.TimeRange;
import sabaq.studio.job.JobRecord;
import sabaq.studio.job.JobState;
import sabaq.studio.job.StepRecord;
import sabaq.studio.media.Cancellation;
import sabaq.studio.media.FfmpegCommand;
import sabaq.studio.testing.Courses;
import sabaq.studio.testing.StudioHarness;
import sabaq.studio.testing.TestMedia;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * BENCHMARKS.md, "Studio": a generated 10-minute 720p30 lecture (moving test pattern, tone) through the whole
 * publish workflow with the production encoding profile (x264 veryfast): cuts, a 5 s intro, sign-language PiP, kk and
 * ru subtitles, chapters, an audio description. Prints the realtime factor (lecture seconds / workflow wall seconds)
 * and, measured in the same run on the same source, a plain single 720p transcode by FFmpeg as the baseline.
 * Run: {@code mvn -o -pl studio -am test -Dtest=StudioBenchmark -Dsurefire.excludedGroups=none -Dgroups=benchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class StudioBenchmark {
    private static final double SECONDS = 600;

    @TempDir
    Path dir;

    @Test
    void tenMinuteLectureThroughTheWholeWorkflow() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        long t0 = System.nanoTime();
        Path lecture = TestMedia.pattern(media, "lecture.mp4", SECONDS, 1280, 720, 30);
        Path intro = TestMedia.colourClip(media, "intro.mp4", "blue", 5, 880);
        Path sign = TestMedia.signClip(media, "sign.mp4", SECONDS);
        Path narration = TestMedia.narration(media, "narration.m4a", SECONDS);
        Path kk = TestMedia.srt(media.resolve("kk.srt"), "Сәлем", 0, (int) SECONDS);
        Path ru = TestMedia.srt(media.resolve("ru.srt"), "Привет", 0, (int) SECONDS);
        System.out.printf(Locale.ROOT, "benchmark: sources generated in %.1f s%n", seconds(t0));

        double baseline = baseline(lecture);
        try (StudioHarness h = StudioHarness.start(dir, Map.of("sabaq.studio.profile-parameters.hls-ladder.preset", "veryfast"))) {
            long u0 = System.nanoTime();
            MediaRef lectureRef = h.upload(lecture, UploadService.Kind.VIDEO);
            Lesson l = Courses.lesson("l1", lectureRef, new Cuts(3, SECONDS - 3, List.of(new TimeRange(200, 210))),
                    h.upload(intro, UploadService.Kind.VIDEO), null,
                    new Pip(h.upload(sign, UploadService.Kind.VIDEO), "bottom-right", 0.25, 0),
                    Map.of("kk", h.upload(kk, UploadService.Kind.SUBTITLES), "ru", h.upload(ru, UploadService.Kind.SUBTITLES)),
                    h.upload(narration, UploadService.Kind.AUDIO),
                    List.of(new Chapter(3, Courses.text("Кіріспе", "Введение")), new Chapter(300, Courses.text("Есеп", "Задача"))));
            double upload = seconds(u0);
            JobRecord job = h.publishAndWait(Courses.course("bench", l), Duration.ofMinutes(40));
            assertEquals(JobState.SUCCEEDED, job.state(), () -> String.valueOf(job.error()));
            double wall = (job.finishedAt() - job.startedAt()) / 1000.0;
            StringBuilder steps = new StringBuilder();
            for (StepRecord s : job.steps()) {
                steps.append(String.format(Locale.ROOT, "%s %.1f s; ", s.stepId(), (s.finishedAt() - s.startedAt()) / 1000.0));
            }
            System.out.printf(Locale.ROOT, "benchmark: uploads (checked, verified) %.1f s%n", upload);
            System.out.printf(Locale.ROOT, "benchmark: workflow %.1f s for a %.0f s lecture: realtime factor %.2fx (target >= 2x)%n",
                    wall, SECONDS, SECONDS / wall);
            System.out.printf(Locale.ROOT, "benchmark: baseline single 720p transcode %.1f s: %.2fx%n", baseline, SECONDS / baseline);
            System.out.println("benchmark: steps: " + steps);
        }
    }

    /** One FFmpeg run: the same source to one 720p H.264 (veryfast, 1500k) + AAC file. */
    private static double baseline(Path source) throws Exception {
        FfmpegCommand c = new FfmpegCommand(RequireFfmpeg.tools(), "baseline 720p transcode");
        c.input(source.toString(), List.of());
        c.output(source.resolveSibling("baseline.mp4").toString(), List.of("-c:v", "libx264", "-preset", "veryfast",
                "-b:v", "1500k", "-maxrate", "1650k", "-bufsize", "3000k", "-g", "120", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "96k"));
        long t = System.nanoTime();
        c.run(0, f -> { }, Cancellation.NEVER);
        return seconds(t);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
