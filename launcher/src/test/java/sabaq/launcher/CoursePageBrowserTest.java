package sabaq.launcher;

import com.typesafe.config.ConfigFactory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import sabaq.common.cassandra.CassandraExtension;
import sabaq.common.test.Poll;
import sabaq.common.time.TimeSource;
import sabaq.launcher.SabaqMain.SabaqStack;
import sabaq.launcher.browser.ChromeBrowser;
import sabaq.recorder.ffmpeg.FfmpegTools;
import sabaq.signalling.testing.Accounts;
import sabaq.signalling.testing.ApiClient;
import sabaq.studio.Studio;
import sabaq.studio.UploadService;
import sabaq.studio.course.Course;
import sabaq.studio.course.CourseModule;
import sabaq.studio.course.Cuts;
import sabaq.studio.course.Lesson;
import sabaq.studio.course.LocalizedText;
import sabaq.studio.course.MediaRef;
import sabaq.studio.job.JobRecord;
import sabaq.studio.job.JobState;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance 1 (its browser part) and the studio's access rows: a course published by the studio in the running
 * launcher is listed in the catalog for a signed-in student, who opens the course page in real Chromium, plays the
 * lesson, switches to 360p and selects the Russian subtitles (the track shows and has active cues). Students cannot
 * reach the editing API; studio staff can.
 */
@Tag("browser")
@ExtendWith(CassandraExtension.class)
class CoursePageBrowserTest {
    private static final Duration STEP = Duration.ofSeconds(30);
    @TempDir
    static Path dir;
    private static SabaqStack stack;
    private static String base;
    private static ApiClient admin;
    private static UUID org;

    @BeforeAll
    static void start() throws Exception {
        ChromeBrowser.requireInstalled();
        String conf = "sabaq.signalling.port = 0\nsabaq.media.port = 0\nsabaq.signalling.tls.enabled = false\n"
                + "sabaq.signalling.auth.initial-admin { login = course-admin, password = \"Course-Initial-1\" }\n"
                + E2eStore.config()
                + "sabaq.storage.s3.embedded-dir = \"" + dir.resolve("s3") + "\"\n"
                + "sabaq.storage.s3.embedded-port = 0\n"
                + "sabaq.recorder.spool-dir = \"" + dir.resolve("spool") + "\"\n"
                + "sabaq.recorder.work-dir = \"" + dir.resolve("work") + "\"\n"
                + "sabaq.studio.data-dir = \"" + dir.resolve("studio") + "\"\n"
                + "sabaq.studio.profile-parameters.hls-ladder.preset = ultrafast\n";
        stack = SabaqStack.start(ConfigFactory.parseString(conf), TimeSource.SYSTEM);
        base = "http://127.0.0.1:" + stack.httpPort() + "/";
        admin = new ApiClient(stack.httpPort());
        Accounts.firstSignIn(admin, TimeSource.SYSTEM, "course-admin", "Course-Initial-1", "Course-Chosen-1");
        org = UUID.fromString(admin.post("/api/orgs", new JsonObject().put("name", "Колледж")).json().getString("id"));
        for (String[] u : new String[][]{{"staff-1", "studio-staff"}, {"student-1", "student"}}) {
            Accounts.createUser(admin, org, u[0], "Initial-" + u[0], new JsonArray().add(Accounts.role(u[1], null)));
        }
        publish();
    }

    @AfterAll
    static void stop() {
        if (stack != null) stack.close();
    }

    /** A 20 s lesson with kk and ru subtitles, published through the launcher's studio. */
    private static void publish() throws Exception {
        Studio studio = stack.studio().studio();
        FfmpegTools tools = FfmpegTools.locate("", "");
        Path media = Files.createDirectories(dir.resolve("media"));
        Path lecture = media.resolve("lecture.mp4");
        Process p = new ProcessBuilder(tools.ffmpegPath().toString(), "-v", "error", "-f", "lavfi", "-i",
                "testsrc2=size=320x180:rate=25:duration=20", "-f", "lavfi", "-i", "sine=frequency=440:duration=20",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", lecture.toString())
                .redirectErrorStream(true).start();
        assertEquals(0, p.waitFor(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        MediaRef source = studio.uploads().store(lecture, "lecture.mp4", UploadService.Kind.VIDEO).ref();
        MediaRef kk = studio.uploads().store(srt(media.resolve("kk.srt"), "Сәлем"), "kk.srt", UploadService.Kind.SUBTITLES).ref();
        MediaRef ru = studio.uploads().store(srt(media.resolve("ru.srt"), "Привет"), "ru.srt", UploadService.Kind.SUBTITLES).ref();
        Lesson l = new Lesson("l1", new LocalizedText("Бірінші сабақ", "Первый урок"), null, source, Cuts.NONE, null, null, null,
                Map.of("kk", kk, "ru", ru), null, List.of());
        Course c = new Course("physics", new LocalizedText("Физика", "Физика"), new LocalizedText("Курс", "Курс"),
                List.of(new CourseModule("m1", new LocalizedText("Механика", "Механика"), List.of(l))), 0, 0);
        studio.services().courses().save(c);
        JobRecord job = studio.publish("physics");
        assertTrue(studio.jobs().awaitIdle(Duration.ofMinutes(3)));
        JobRecord done = studio.jobs().get(job.id()).orElseThrow();
        assertEquals(JobState.SUCCEEDED, done.state(), () -> String.valueOf(done.error()));
    }

    /** The lecture and subtitles of {@link #publish()}, for the studio page test. */
    private static Path media(String name) {
        return dir.resolve("media").resolve(name);
    }

    /**
     * Studio staff build a course on the studio page (titles, a module, a lesson with an uploaded video and Russian
     * subtitles, a cut), publish it: the cut lies outside the video, so the job fails at the cuts step with the reason
     * in Russian and a retry button; with the cut fixed the progress bar runs with percent and time left to 100 %.
     */
    @Test
    void staffBuildAndPublishACourseOnTheStudioPage() {
        ApiClient staff = signedIn("staff-1");
        try (ChromeBrowser b = ChromeBrowser.launch("staff")) {
            b.open(base + "studio/index.html?lang=ru");
            b.addCookie("sabaq_access", staff.cookie("sabaq_access"));
            b.addCookie("sabaq_refresh", staff.cookie("sabaq_refresh"));
            b.open(base + "studio/index.html?lang=ru");
            Poll.until(STEP, () -> b.js("return document.querySelectorAll('#course-select option').length"),
                    n -> ((Number) n).intValue() >= 2, "the course list (" + b.consoleLog() + ")");
            b.click("#new-course");
            b.type("[data-field=course-id]", "chemistry");
            b.type("[data-field=course-title-kk]", "Химия");
            b.type("[data-field=course-title-ru]", "Химия");
            b.type("[data-field=module-title-kk]", "Бірінші бөлім");
            b.type("[data-field=module-title-ru]", "Первый раздел");
            b.type("[data-lesson-id=l1] [data-field=lesson-title-kk]", "Сабақ");
            b.type("[data-lesson-id=l1] [data-field=lesson-title-ru]", "Урок");
            b.chooseFile("[data-lesson-id=l1] input[data-file=source]", media("lecture.mp4"));
            b.chooseFile("[data-lesson-id=l1] input[data-file=subtitles-ru]", media("ru.srt"));
            Poll.until(STEP, () -> b.js("const l = window.sabaqStudio.state.course.modules[0].lessons[0];"
                    + "return !!(l.source && l.subtitles.ru)"), Boolean.TRUE::equals, "both uploads (" + b.consoleLog() + ")");
            b.type("[data-lesson-id=l1] [data-field=cut-end]", "40");
            b.click("#publish-course");
            String failure = (String) Poll.until(STEP, () -> b.js("const e = document.getElementById('job-error');"
                    + "return e.hidden ? null : e.textContent"), v -> v != null, "the job to fail (" + studioPage(b) + ")");
            assertTrue(failure.contains("Ошибка на шаге «Вырезки» урока l1:") && failure.contains("40"), failure);
            assertEquals(Boolean.FALSE, b.js("return document.getElementById('job-retry').hidden"));

            b.type("[data-lesson-id=l1] [data-field=cut-end]", "18");
            b.click("#publish-course");
            java.util.Set<String> seen = new java.util.LinkedHashSet<>();
            Poll.until(STEP, Duration.ofMillis(100), () -> {
                seen.add(b.js("return document.getElementById('job-percent').textContent") + " | "
                        + b.js("return document.getElementById('job-status').textContent"));
                return b.js("return !document.getElementById('job-open').hidden");
            }, Boolean.TRUE::equals, "the publication to finish (" + studioPage(b) + ")");
            assertEquals(100L, ((Number) b.js("return document.getElementById('job-bar').value")).longValue());
            assertTrue(seen.stream().anyMatch(x -> x.matches("([1-9]|[1-9][0-9]) % \\| выполняется · .* · осталось около \\d+:\\d\\d")),
                    "a percent between 0 and 100 with the step and the time left: " + seen);
        }
        assertEquals(200, signedIn("student-1").get("/api/catalog/chemistry").status());
    }

    /** What the studio page shows, for failure messages. */
    private static String studioPage(ChromeBrowser b) {
        return b.js("return document.getElementById('studio-error').textContent + ' | job: '"
                + " + JSON.stringify(window.sabaqStudio.state.job && {state: window.sabaqStudio.state.job.state,"
                + " error: window.sabaqStudio.state.job.error}) + ' | requests: '"
                + " + performance.getEntriesByType('resource').slice(-6).map(e => e.name + ' ' + (e.responseStatus || '')).join(', ')")
                + " | console: " + b.consoleLog();
    }

    /** A cue every second for 20 s. */
    private static Path srt(Path file, String text) throws Exception {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            s.append(i + 1).append('\n').append(String.format("00:00:%02d,000 --> 00:00:%02d,900", i, i)).append('\n')
                    .append(text).append(' ').append(i).append("\n\n");
        }
        return Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
    }

    private static final Map<String, ApiClient> SESSIONS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A client signed in as {@code login} (the first sign-in, once per test class). */
    private static ApiClient signedIn(String login) {
        return SESSIONS.computeIfAbsent(login, l -> {
            ApiClient c = new ApiClient(stack.httpPort());
            Accounts.firstSignIn(c, TimeSource.SYSTEM, l, "Initial-" + l, "Chosen-" + l + "-7");
            return c;
        });
    }

    @Test
    void onlyStudioStaffAndMethodistsEditStudentsSeeThePublishedCourse() {
        ApiClient staff = signedIn("staff-1");
        ApiClient student = signedIn("student-1");
        assertEquals(200, staff.get("/api/studio/courses").status());
        assertEquals(403, student.get("/api/studio/courses").status());
        assertEquals(403, student.send("POST", "/api/studio/courses/physics/publish", null, null, true).status());
        assertEquals(401, new ApiClient(stack.httpPort()).get("/api/catalog").status());
        ApiClient.Response catalog = student.get("/api/catalog");
        assertEquals(200, catalog.status(), catalog::toString);
        JsonArray courses = catalog.json().getJsonArray("courses");
        assertTrue(courses.stream().anyMatch(c -> "physics".equals(((JsonObject) c).getString("courseId"))), catalog::toString);
    }

    @Test
    void aStudentPlaysTheLessonAndSelectsRussianSubtitles() {
        ApiClient student = signedIn("student-1");
        try (ChromeBrowser b = ChromeBrowser.launch("student")) {
            b.open(base + "studio/catalog.html?lang=ru");
            b.addCookie("sabaq_access", student.cookie("sabaq_access"));
            b.addCookie("sabaq_refresh", student.cookie("sabaq_refresh"));
            b.open(base + "studio/catalog.html?lang=ru");
            Poll.until(STEP, () -> b.js("return document.querySelectorAll('#catalog-list [data-course-id=\"physics\"] a').length"),
                    n -> ((Number) n).intValue() == 1, "the course in the catalog (" + b.consoleLog() + ")");
            b.click("#catalog-list [data-course-id=\"physics\"] a");
            Poll.until(STEP, () -> b.js("return !!(window.sabaqCourse && window.sabaqCourse.state.lesson)"), Boolean.TRUE::equals,
                    "the course page to load the lesson (" + b.consoleLog() + ")");
            assertEquals("Физика", b.js("return document.getElementById('course-title').textContent"));
            b.js("const v = window.sabaqCourse.player(); v.muted = true; return v.play().then(() => true)");
            Poll.until(STEP, Duration.ofMillis(250), () -> ((Number) b.js("return window.sabaqCourse.player().currentTime")).doubleValue(),
                    t -> t > 1.0, "the lesson to play (" + b.consoleLog() + ")");
            assertTrue(((Number) b.js("return window.sabaqCourse.player().videoWidth")).intValue() > 0);

            assertEquals(Boolean.TRUE, b.js("return window.sabaqCourse.setQuality('360p')"));
            Poll.until(STEP, () -> b.js("const h = window.sabaqCourse.hls(); return h && h.currentLevel >= 0 ? h.levels[h.currentLevel].height : -1"),
                    v -> ((Number) v).intValue() == 360, "the 360p rendition");

            assertEquals(Boolean.TRUE, b.js("return window.sabaqCourse.setSubtitles('ru')"));
            String cue = (String) Poll.until(STEP, Duration.ofMillis(250), () -> b.js(
                    "const t = Array.from(window.sabaqCourse.player().textTracks).find(x => x.language === 'ru' && x.mode === 'showing');"
                            + "return t && t.activeCues && t.activeCues.length > 0 ? t.activeCues[0].text : null"),
                    v -> v != null, "a showing Russian track with an active cue (" + b.consoleLog() + ")");
            assertTrue(cue.startsWith("Привет "), cue);
            assertEquals(Boolean.FALSE, b.js("return Array.from(window.sabaqCourse.player().textTracks)"
                    + ".some(x => x.language === 'kk' && x.mode === 'showing')"));
            assertEquals("ru", b.js("return document.getElementById('subtitles-select').value"));
        }
    }
}
