package sabaq.studio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sabaq.common.test.Poll;
import sabaq.recorder.storage.MinioObjectStore;
import sabaq.recorder.testing.S3ProxyFixture;
import sabaq.studio.job.JobJournal;
import sabaq.studio.job.JobRecord;
import sabaq.studio.job.JobState;
import sabaq.studio.job.StepRecord;
import sabaq.studio.job.StepState;
import sabaq.studio.testing.Ffprobe;
import sabaq.studio.testing.PublishedHls;
import sabaq.studio.testing.StudioHarness;
import sabaq.studio.testing.StudioProcess;
import sabaq.studio.testing.TestMedia;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance 3: the studio command line, in its own JVM, publishes a course file; it is killed (SIGKILL) while FFmpeg
 * renders the HLS ladder; a new studio process on the same journal and object store resumes the job at that step
 * (the finished steps are not run again, the FFmpeg the dead process left is stopped) and the published lesson is
 * complete: every playlist the master names and every segment is stored, with the duration after the cuts.
 */
class KillRestartTest {
    @TempDir
    Path dir;

    @Test
    void aKilledStudioResumesTheJobAndThePublicationIsComplete() throws Exception {
        try (S3ProxyFixture s3 = new S3ProxyFixture(Files.createDirectories(dir.resolve("s3"))).start()) {
            MinioObjectStore store = new MinioObjectStore(s3.settings(StudioHarness.BUCKET));
            new MinioObjectStore(s3.settings(StudioHarness.RECORDINGS_BUCKET)).ensureBucket();
            Path media = Files.createDirectories(dir.resolve("media"));
            TestMedia.lecture(media, "lecture.mp4", 20, 320, 180, 0.1);
            TestMedia.srt(media.resolve("kk.srt"), "Сәлем", 0, 20);
            Path course = Files.writeString(media.resolve("course.yaml"), String.join("\n",
                    "id: killed",
                    "title: {kk: Физика, ru: Физика}",
                    "modules:",
                    "  - id: m1",
                    "    title: {kk: Бірінші, ru: Первый}",
                    "    lessons:",
                    "      - id: l1",
                    "        title: {kk: Сабақ, ru: Урок}",
                    "        source: lecture.mp4",
                    "        cuts: {start: 1, end: 19}",
                    "        subtitles: {kk: kk.srt}",
                    ""));
            Path data = dir.resolve("data");
            JobJournal journal = new JobJournal(data.resolve("jobs"));

            StudioProcess first = StudioProcess.start(s3, data, dir.resolve("first.log"), "publish", course.toString());
            JobRecord atKill = Poll.until(Duration.ofMinutes(2), Duration.ofMillis(100), () -> {
                if (!first.process().isAlive()) throw new AssertionError("the studio ended early:\n" + output(first));
                return runningJob(journal);
            }, j -> j != null && running(j, "hls") && j.progress() >= 0.4, "the HLS step to be under way");
            long killedAt = System.currentTimeMillis();
            first.kill();

            JobRecord dead = journal.load(atKill.id()).orElseThrow();
            assertEquals(JobState.RUNNING, dead.state(), "a killed process cannot finish its job");
            assertTrue(dead.progress() < 1);
            String bar = output(first);
            assertTrue(bar.lines().anyMatch(l -> l.matches("\\[#+\\.*] +\\d+ %  .*about \\d+:\\d\\d left")),
                    "progress bar with percent and time left:\n" + bar);

            StudioProcess second = StudioProcess.start(s3, data, dir.resolve("second.log"), "worker");
            assertTrue(second.process().waitFor(3, TimeUnit.MINUTES), "the worker did not finish:\n" + output(second));
            assertEquals(0, second.process().exitValue(), output(second));
            assertTrue(output(second).contains("resuming"), output(second));

            JobRecord done = journal.load(atKill.id()).orElseThrow();
            assertEquals(JobState.SUCCEEDED, done.state(), () -> String.valueOf(done.error()));
            assertEquals(1, done.attempt(), "resumed, not retried");
            assertEquals(step(atKill, "inspect").startedAt(), step(done, "inspect").startedAt(), "finished steps are kept");
            assertTrue(step(done, "hls").startedAt() >= killedAt, "the interrupted step ran again");
            assertFalse(Files.exists(data.resolve("work").resolve(done.id())), "working files of a finished job are removed");

            String prefix = "published/killed/" + done.id() + "/lessons/l1/hls/";
            PublishedHls.Tree tree = PublishedHls.download(store, prefix, dir.resolve("out"));
            Set<String> names = tree.playlists().stream().map(p -> tree.master().getParent().relativize(p).toString())
                    .collect(Collectors.toSet());
            assertEquals(Set.of("subtitles/kk/index.m3u8", "720p/index.m3u8", "360p/index.m3u8", "audio/index.m3u8"), names);
            assertTrue(tree.segments() >= 3 * 5 + 1, "three renditions of 18 s in 4 s segments and one WebVTT file: " + tree.segments());
            for (String r : List.of("720p", "360p", "audio")) {
                assertEquals(18.0, Ffprobe.duration(tree.master().resolveSibling(r + "/index.m3u8")), 0.5, r);
            }
            assertTrue(store.stat("published/killed/" + done.id() + "/manifest.json").isPresent());
            assertTrue(store.stat("catalog/killed.json").isPresent());
        }
    }

    private static JobRecord runningJob(JobJournal journal) {
        try {
            List<JobRecord> all = journal.list();
            return all.isEmpty() ? null : all.get(0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean running(JobRecord j, String stepId) {
        Optional<StepRecord> s = j.steps().stream().filter(x -> x.stepId().equals(stepId)).findFirst();
        return s.isPresent() && s.get().state() == StepState.RUNNING;
    }

    private static StepRecord step(JobRecord j, String stepId) {
        return j.steps().stream().filter(x -> x.stepId().equals(stepId)).findFirst().orElseThrow();
    }

    private static String output(StudioProcess p) {
        try {
            return p.output();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
