package sabaq.studio;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import sabaq.studio.course.Course;
import sabaq.studio.course.Cuts;
import sabaq.studio.course.Lesson;
import sabaq.studio.course.MediaRef;
import sabaq.studio.course.TimeRange;
import sabaq.studio.error.Messages;
import sabaq.studio.error.OperationException;
import sabaq.studio.error.StudioError;
import sabaq.studio.job.JobRecord;
import sabaq.studio.job.JobState;
import sabaq.studio.testing.Courses;
import sabaq.studio.testing.StudioHarness;
import sabaq.studio.testing.TestMedia;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance 2: each bad input is refused at the step that finds it (at upload when the file itself is bad, in the
 * job when storage or the lesson makes it bad) with a message in Kazakh, Russian and English; the uploads stay
 * stored (checked after every test), and a good job published before the first bad input, running next to the
 * failing ones on the second worker, completes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputTest {
    @TempDir
    static Path dir;
    static StudioHarness h;
    static Path media;
    static MediaRef lecture;
    static JobRecord longGood;
    /** Every object under uploads/ seen so far: none may disappear. */
    static final Set<String> stored = new HashSet<>();
    /** When each failed job of this class ended (from the listener). */
    static final ConcurrentLinkedQueue<Long> failures = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() throws Exception {
        h = StudioHarness.start(dir, Map.of("sabaq.studio.workers", 2));
        h.studio().jobs().addListener(j -> {
            if (j.state() == JobState.FAILED) failures.add(j.finishedAt());
        });
        media = Files.createDirectories(dir.resolve("media"));
        lecture = h.upload(TestMedia.lecture(media, "lecture.mp4", 8, 160, 90, 0.1), UploadService.Kind.VIDEO);
        MediaRef longLecture = h.upload(TestMedia.lecture(media, "long.mp4", 24, 160, 90, 0.1), UploadService.Kind.VIDEO);
        Course good = Courses.course("running-alongside", Courses.lesson("l1", longLecture));
        h.studio().services().courses().save(good);
        longGood = h.studio().publish(good.id());
        stored.addAll(h.store.list("uploads/"));
    }

    @AfterEach
    void uploadsAreKept() throws Exception {
        List<String> now = h.store.list("uploads/");
        for (String key : stored) assertTrue(now.contains(key), "stored upload lost: " + key);
        stored.addAll(now);
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    @Test
    void corruptUploadIsRefusedAndNotStored() throws Exception {
        byte[] junk = new byte[200_000];
        new Random(7).nextBytes(junk);
        Path f = Files.write(media.resolve("junk.mp4"), junk);
        OperationException e = assertThrows(OperationException.class, () -> h.upload(f, UploadService.Kind.VIDEO));
        assertEquals(StudioError.MEDIA_UNREADABLE, e.code());
        assertLocalized(e.code(), e.args(), "junk");
        assertFalse(h.store.list("uploads/").stream().anyMatch(k -> k.endsWith("/junk.mp4")), "a refused file is not stored");
    }

    @Test
    void truncatedUploadIsRefusedAtUploadAndInTheInspectStep() throws Exception {
        Path whole = TestMedia.lecture(media, "whole.mp4", 6, 160, 90, 0.1);
        Path cut = TestMedia.truncated(whole, media.resolve("cut.mp4"), 0.6);
        OperationException e = assertThrows(OperationException.class, () -> h.upload(cut, UploadService.Kind.VIDEO));
        assertEquals(StudioError.MEDIA_TRUNCATED, e.code());
        // The same file damaged in storage after its upload is found by the job's inspect step.
        h.store.putVerified("uploads/damaged/cut.mp4", cut, "video/mp4");
        JobRecord job = h.publishAndWait(Courses.course("truncated", Courses.lesson("l1",
                new MediaRef(MediaRef.UPLOAD, "uploads/damaged/cut.mp4", "cut.mp4"))), Duration.ofMinutes(2));
        assertFailed(job, "inspect", StudioError.MEDIA_TRUNCATED);
        assertTrue(h.store.stat("uploads/damaged/cut.mp4").isPresent(), "the input stays stored");
    }

    @Test
    void unsupportedCodecIsRefused() throws Exception {
        Path flv = TestMedia.flv(media, "old.flv", 3);
        OperationException e = assertThrows(OperationException.class, () -> h.upload(flv, UploadService.Kind.VIDEO));
        assertEquals(StudioError.UNSUPPORTED_CODEC, e.code());
        assertEquals("flv1", e.args().get("codec"));
        assertLocalized(e.code(), e.args(), "flv1");
    }

    @Test
    void cutOutsideTheVideoStopsTheTrimStep() throws Exception {
        Lesson l = Courses.lesson("l1", lecture, new Cuts(1, null, List.of(new TimeRange(6, 12))), null, null, null, Map.of(), null, List.of());
        JobRecord job = h.publishAndWait(Courses.course("badcut", l), Duration.ofMinutes(2));
        assertFailed(job, "trim", StudioError.CUT_OUTSIDE_VIDEO);
        assertEquals("6.0", job.error().args().get("start"));
        assertEquals("12.0", job.error().args().get("end"));
        assertEquals("8.0", job.error().args().get("duration"));
        assertLocalized(StudioError.CUT_OUTSIDE_VIDEO, job.error().args(), "12.0");
    }

    @Test
    void subtitlesWithBrokenTimingAreRefused() throws Exception {
        Path overlap = Files.writeString(media.resolve("overlap.srt"),
                "1\n00:00:01,000 --> 00:00:04,000\nБірінші\n\n2\n00:00:03,000 --> 00:00:05,000\nЕкінші\n");
        OperationException e = assertThrows(OperationException.class, () -> h.upload(overlap, UploadService.Kind.SUBTITLES));
        assertEquals(StudioError.SUBTITLE_OVERLAP, e.code());
        assertEquals("2", e.args().get("cue"));
        assertEquals("6", e.args().get("line"));
        // In a job (a cue after the end of this 8 s video is only known there):
        Path late = TestMedia.srt(media.resolve("late.srt"), "Кеш", 4, 20);
        MediaRef lateRef = h.upload(late, UploadService.Kind.SUBTITLES);
        Lesson l = Courses.lesson("l1", lecture, Cuts.NONE, null, null, null, Map.of("kk", lateRef), null, List.of());
        JobRecord job = h.publishAndWait(Courses.course("latesubs", l), Duration.ofMinutes(2));
        assertFailed(job, "subtitles", StudioError.SUBTITLE_BEYOND_VIDEO);
        assertEquals("kk", job.error().args().get("lang"));
    }

    @Test
    void subtitlesInWindows1251AreRefusedByName() throws Exception {
        Path cp1251 = TestMedia.srt(media.resolve("cp1251.srt"), "Здравствуйте, ученики", 0, 8, Charset.forName("windows-1251"));
        OperationException e = assertThrows(OperationException.class, () -> h.upload(cp1251, UploadService.Kind.SUBTITLES));
        assertEquals(StudioError.SUBTITLE_ENCODING, e.code());
        assertEquals("Windows-1251", e.args().get("encoding"));
        assertLocalized(e.code(), Map.of("lang", "ru", "encoding", "Windows-1251"), "Windows-1251");
    }

    @Test
    void subtitlesThatAreNotTextAreRefused() throws Exception {
        byte[] bytes = new byte[4000];
        new Random(11).nextBytes(bytes);
        for (int i = 0; i < bytes.length; i++) if ((bytes[i] & 0xFF) >= 0xC0) bytes[i] = (byte) 0x85;
        Path binary = Files.write(media.resolve("binary.vtt"), bytes);
        OperationException e = assertThrows(OperationException.class, () -> h.upload(binary, UploadService.Kind.SUBTITLES));
        assertEquals(StudioError.SUBTITLE_ENCODING, e.code());
        assertFalse("Windows-1251".equals(e.args().get("encoding")), "random bytes are not named Windows-1251");
        assertFalse(h.store.list("uploads/").stream().anyMatch(k -> k.endsWith("/binary.vtt")));
    }

    @Test
    void missingIntroStopsTheFetchStepAndARetrySucceedsOnceItIsThere() throws Exception {
        MediaRef intro = new MediaRef(MediaRef.UPLOAD, "uploads/gone/intro.mp4", "intro.mp4");
        Lesson l = Courses.lesson("l1", lecture, Cuts.NONE, intro, null, null, Map.of(), null, List.of());
        Course bad = Courses.course("nointro", l);
        // Another course published at the same time is not affected.
        h.studio().services().courses().save(Courses.course("good", Courses.lesson("l1", lecture)));
        JobRecord failing = h.publishAndWait(bad, Duration.ofMinutes(2));
        JobRecord good = h.studio().jobs().get(h.studio().publish("good").id()).orElseThrow();
        assertTrue(h.studio().jobs().awaitIdle(Duration.ofMinutes(2)));
        assertFailed(failing, "fetch", StudioError.ASSET_MISSING);
        assertEquals("intro", failing.error().args().get("asset"));
        assertLocalized(StudioError.ASSET_MISSING, failing.error().args(), "");
        assertEquals(JobState.SUCCEEDED, h.studio().jobs().get(good.id()).orElseThrow().state());
        assertTrue(h.store.stat(lecture.key()).isPresent(), "uploads are kept");

        h.store.putVerified(intro.key(), TestMedia.colourClip(media, "intro.mp4", "blue", 2, 880), "video/mp4");
        h.studio().jobs().retry(failing.id());
        assertTrue(h.studio().jobs().awaitIdle(Duration.ofMinutes(2)));
        JobRecord retried = h.studio().jobs().get(failing.id()).orElseThrow();
        assertEquals(JobState.SUCCEEDED, retried.state(), () -> String.valueOf(retried.error()));
        assertEquals(2, retried.attempt());
        assertTrue(h.studio().services().catalog().get("nointro").isPresent());
    }

    /** Runs last: the good job queued before every bad input finished, and bad jobs failed while it ran. */
    @Test
    @Order(Integer.MAX_VALUE)
    void theJobPublishedAlongsideTheBadOnesCompletes() throws Exception {
        assertTrue(h.studio().jobs().awaitIdle(Duration.ofMinutes(2)));
        JobRecord done = h.studio().jobs().get(longGood.id()).orElseThrow();
        assertEquals(JobState.SUCCEEDED, done.state(), () -> String.valueOf(done.error()));
        assertTrue(failures.stream().anyMatch(t -> t >= done.startedAt() && t <= done.finishedAt()),
                "a bad job failed while the good one ran: " + failures + " vs " + done.startedAt() + ".." + done.finishedAt());
        assertTrue(h.studio().services().catalog().get("running-alongside").isPresent());
    }

    private static void assertFailed(JobRecord job, String step, StudioError code) {
        assertEquals(JobState.FAILED, job.state());
        assertEquals(step, job.error().stepId(), () -> "failed at " + job.error());
        assertEquals(code.name(), job.error().code());
        assertEquals("l1", job.error().lessonId());
        assertFalse(job.steps().stream().anyMatch(s -> s.stepId().equals("publish") && s.state() != sabaq.studio.job.StepState.PENDING));
    }

    /** The error reads differently in each language, names its arguments, and is not the bare key. */
    private static void assertLocalized(StudioError code, Map<String, String> args, String mustContain) {
        String kk = Messages.error("kk", code, args);
        String ru = Messages.error("ru", code, args);
        String en = Messages.error("en", code, args);
        for (String t : List.of(kk, ru, en)) {
            assertFalse(t.startsWith("studio.error."), t);
            assertFalse(t.contains("{"), "unfilled argument in " + t);
            assertTrue(t.contains(mustContain), t + " should contain " + mustContain);
        }
        assertTrue(!kk.equals(ru) && !ru.equals(en) && !kk.equals(en));
    }
}
