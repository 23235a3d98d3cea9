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
import sabaq.common.footprint.AttendanceRow;
import sabaq.common.footprint.FootprintEvent;
import sabaq.common.footprint.FootprintRole;
import sabaq.common.footprint.FootprintVerb;
import sabaq.common.test.Poll;
import sabaq.common.time.TimeSource;
import sabaq.launcher.SabaqMain.SabaqStack;
import sabaq.launcher.browser.ChromeBrowser;
import sabaq.launcher.browser.LessonPage;
import sabaq.signalling.http.SessionCookies;
import sabaq.signalling.testing.Accounts;
import sabaq.signalling.testing.ApiClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance test of the digital footprint (issue 6, acceptance 1): a teacher and two students of a group, signed in
 * with their own accounts, run a lesson in real headless Chromium on the whole stack with its forked Cassandra; one
 * student is given the floor and mutes her microphone, the other leaves early. The footprint in Cassandra holds each
 * person's events under their account, the attendance report's durations match what the test measured (±2 s), and
 * the monitoring page shows the rows.
 */
@Tag("browser")
@ExtendWith(CassandraExtension.class)
class FootprintBrowserTest {
    private static final Duration JOIN = Duration.ofSeconds(30);
    private static final Duration STORED = Duration.ofSeconds(20);
    private static final long TOLERANCE_MS = 2000;
    private static final String PASSWORD = "Footprint-Chosen-1";
    @TempDir
    static Path dir;
    private static SabaqStack stack;
    private static String base;
    private static ApiClient admin;
    private static UUID org;
    private static UUID group;

    @BeforeAll
    static void start() throws Exception {
        ChromeBrowser.requireInstalled();
        stack = SabaqStack.start(ConfigFactory.parseString("sabaq.recorder.enabled = false\nsabaq.signalling.port = 0\n"
                + "sabaq.media.port = 0\nsabaq.signalling.tls.enabled = false\n"
                + "sabaq.signalling.auth.initial-admin { login = fp-admin, password = \"Fp-Initial-1\" }\n"
                + "sabaq.footprint.journal.dir = \"" + dir.resolve("journal") + "\"\n"
                + E2eStore.config() + "sabaq.storage.cassandra.keyspace = sabaq_footprint_e2e\n"), TimeSource.SYSTEM);
        base = "http://127.0.0.1:" + stack.httpPort() + "/";
        admin = new ApiClient(stack.httpPort());
        Accounts.firstSignIn(admin, TimeSource.SYSTEM, "fp-admin", "Fp-Initial-1", PASSWORD);
        org = UUID.fromString(admin.post("/api/orgs", new JsonObject().put("name", "Колледж №3")).json().getString("id"));
        group = UUID.fromString(admin.post("/api/orgs/" + org + "/groups", new JsonObject().put("name", "ИС-21"))
                .json().getString("id"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) stack.close();
    }

    private static UUID user(String login, String name, String role, UUID inGroup) {
        JsonObject body = new JsonObject().put("login", login).put("displayName", name).put("password", "Initial-" + login)
                .put("roles", new JsonArray().add(Accounts.role(role, inGroup)));
        ApiClient.Response r = admin.post("/api/orgs/" + org + "/users", body);
        assertEquals(201, r.status(), r::toString);
        return UUID.fromString(r.json().getString("id"));
    }

    private static ApiClient signedIn(String login) {
        ApiClient c = new ApiClient(stack.httpPort());
        Accounts.firstSignIn(c, TimeSource.SYSTEM, login, "Initial-" + login, PASSWORD);
        return c;
    }

    /** The lesson page; a student's page asks for a name unless the URL gives one (a personal link's is the account's). */
    private static String lessonUrl(String token) {
        return base + "lesson.html?lang=kk&name=x#token=" + token;
    }

    private static LessonPage page(List<ChromeBrowser> browsers, String name) {
        ChromeBrowser b = ChromeBrowser.launch(name);
        browsers.add(b);
        return new LessonPage(b);
    }

    private static long waitFor(Duration d, long since) {
        return Poll.until(d.plusSeconds(10), Duration.ofMillis(50), System::nanoTime, now -> now - since >= d.toNanos(),
                d + " of lesson");
    }

    @Test
    void aLessonsFootprintIsStoredPerAccountAndReportedWithItsDurations() throws Exception {
        UUID teacherId = user("fp-teacher", "Айгерім Бекова", "teacher", group);
        UUID danaId = user("fp-dana", "Дана Серікова", "student", group);
        UUID erlanId = user("fp-erlan", "Ерлан Ахметов", "student", group);
        user("fp-monitor", "Мониторинг Маманы", "monitor", null);
        ApiClient teacherApi = signedIn("fp-teacher");
        ApiClient.Response created = teacherApi.post("/api/lessons", new JsonObject().put("title", "Алгоритмдер")
                .put("orgId", org.toString()).put("groupId", group.toString()));
        assertEquals(201, created.status(), created::toString);
        String lessonId = created.json().getString("lessonId");
        String danaToken = signedIn("fp-dana").post("/api/lessons/" + lessonId + "/join", null).json().getString("token");
        String erlanToken = signedIn("fp-erlan").post("/api/lessons/" + lessonId + "/join", null).json().getString("token");

        List<ChromeBrowser> browsers = new ArrayList<>();
        long teacherIn;
        long teacherOut;
        long erlanIn;
        long erlanOut;
        long danaIn;
        long danaMicOn;
        long danaMuted;
        long danaFloor;
        try {
            LessonPage teacher = page(browsers, "fp-teacher");
            teacher.open(lessonUrl(created.json().getString("teacherToken")));
            teacher.awaitJoined(JOIN);
            teacherIn = System.nanoTime();
            LessonPage dana = page(browsers, "fp-dana");
            LessonPage erlan = page(browsers, "fp-erlan");
            // One page at a time: a join is timed by polling its page right after it opened.
            dana.open(lessonUrl(danaToken));
            String danaPid = dana.awaitJoined(JOIN);
            danaIn = System.nanoTime();
            erlan.open(lessonUrl(erlanToken));
            erlan.awaitJoined(JOIN);
            erlanIn = System.nanoTime();

            // Erlan leaves early.
            waitFor(Duration.ofSeconds(4), erlanIn);
            erlan.call("leave()");
            erlanOut = System.nanoTime();

            // Dana gets the floor: her page publishes camera and microphone, then she mutes herself.
            danaFloor = System.nanoTime();
            teacher.call("grantFloor('" + danaPid + "', true)");
            Poll.until(JOIN, () -> dana.flag("floor"), "Dana to get the floor");
            Poll.until(JOIN, Duration.ofMillis(20), () -> dana.browser().js("return window.sabaq.state.local.microphone"),
                    Boolean.TRUE::equals, "Dana's page to turn her microphone on");
            danaMicOn = System.nanoTime();
            teacher.awaitAudioFlowing(danaPid, JOIN);
            waitFor(Duration.ofSeconds(4), danaMicOn);
            dana.call("setMicrophone(false)");
            danaMuted = System.nanoTime();

            waitFor(Duration.ofSeconds(20), teacherIn);
            teacher.call("endLesson()");
            teacherOut = System.nanoTime();
            Poll.until(JOIN, () -> dana.flag("lessonEnded"), "Dana's page to show the lesson ended");
        } finally {
            for (ChromeBrowser b : browsers) b.close();
        }

        // The events, from the footprint table of the lesson (written through the journal).
        List<FootprintEvent> events = Poll.until(STORED, Duration.ofMillis(200),
                () -> stack.footprint().store().lessonEvents(lessonId).toCompletableFuture().join(),
                l -> l.stream().anyMatch(e -> e.verb() == FootprintVerb.LESSON_ENDED), "the lesson's footprint in Cassandra");
        String teacher = teacherId.toString();
        String danaA = danaId.toString();
        String erlanA = erlanId.toString();
        Function<FootprintVerb, List<String>> actors = v -> events.stream().filter(e -> e.verb() == v)
                .map(e -> e.actor().id()).collect(Collectors.toList());
        assertEquals(List.of(teacher), actors.apply(FootprintVerb.LESSON_STARTED));
        assertEquals(List.of(teacher), actors.apply(FootprintVerb.LESSON_ENDED));
        assertEquals(3, actors.apply(FootprintVerb.JOINED).size(), actors.apply(FootprintVerb.JOINED).toString());
        assertTrue(actors.apply(FootprintVerb.JOINED).containsAll(List.of(teacher, danaA, erlanA)));
        assertEquals(List.of(danaA), actors.apply(FootprintVerb.FLOOR_GRANTED));
        assertTrue(actors.apply(FootprintVerb.MIC_OFF).contains(danaA), "Dana muted herself");
        assertTrue(actors.apply(FootprintVerb.CAMERA_ON).contains(danaA));
        assertTrue(events.stream().allMatch(e -> !e.actor().guest() && org.equals(e.context().orgId())
                && group.equals(e.context().groupId())), "every event is an account's, in the group's context");
        FootprintEvent erlanLeft = events.stream().filter(e -> e.verb() == FootprintVerb.LEFT && e.actor().id().equals(erlanA))
                .findFirst().orElseThrow();
        assertTrue(erlanLeft.timestamp() < events.stream().filter(e -> e.verb() == FootprintVerb.LESSON_ENDED)
                .findFirst().orElseThrow().timestamp() - 5000, "Erlan left well before the end");
        assertEquals(events.size(), events.stream().map(FootprintEvent::eventId).distinct().count(), "each event once");

        // The attendance report's rows.
        Map<String, AttendanceRow> rows = stack.footprint().reports().lessonAttendance(lessonId).toCompletableFuture().join().stream()
                .collect(Collectors.toMap(AttendanceRow::actorId, r -> r));
        assertEquals(3, rows.size(), rows.toString());
        assertDuration(millis(teacherOut - teacherIn), rows.get(teacher).attendedMs(), "teacher attended");
        assertDuration(millis(teacherOut - danaIn), rows.get(danaA).attendedMs(), "Dana attended");
        assertDuration(millis(erlanOut - erlanIn), rows.get(erlanA).attendedMs(), "Erlan attended (left early)");
        long start = events.get(0).timestamp();
        String timeline = events.stream().map(e -> (e.timestamp() - start) + " " + e.verb().wireName() + " " + e.actor().name())
                .collect(Collectors.joining(", "));
        // The page publishes as soon as it has the floor (its own state shows it a render later: danaMicOn).
        assertDuration(millis(danaMuted - danaFloor), rows.get(danaA).micOnMs(), "Dana's microphone on until she muted ("
                + "test: floor at " + millis(danaFloor - teacherIn) + ", mic on at " + millis(danaMicOn - teacherIn)
                + ", muted at " + millis(danaMuted - teacherIn) + " ms after the teacher joined; footprint: " + timeline + ")");
        assertDuration(millis(teacherOut - danaFloor), rows.get(danaA).cameraOnMs(), "Dana's camera on until the end");
        assertTrue(rows.get(danaA).speakingMs() >= 0 && rows.get(danaA).speakingMs() <= rows.get(danaA).micOnMs() + TOLERANCE_MS,
                "Dana spoke only while her microphone was on: " + rows.get(danaA));
        assertEquals(FootprintRole.TEACHER, rows.get(teacher).role());
        assertEquals(0, rows.get(erlanA).cameraOnMs());
        assertTrue(rows.get(erlanA).lastLeftAt() > 0);
        assertFalse(rows.get(danaA).guest());

        // The monitoring page shows the rows to a monitor.
        ApiClient monitorApi = signedIn("fp-monitor");
        try (ChromeBrowser monitor = ChromeBrowser.launch("fp-monitor")) {
            monitor.open(base + "signin.html?lang=ru");
            monitor.addCookie(SessionCookies.ACCESS, monitorApi.cookie(SessionCookies.ACCESS));
            monitor.open(base + "monitoring.html?lang=ru&org=" + org + "&group=" + group + "&lesson=" + lessonId);
            Poll.until(JOIN, () -> monitor.js("return document.querySelectorAll('#attendance-table tbody tr').length"),
                    n -> n instanceof Number && ((Number) n).intValue() == 3,
                    "the monitoring page's attendance rows (" + monitor.consoleLog() + ")");
            for (String actor : List.of(teacher, danaA, erlanA)) {
                Object text = monitor.js("const r = document.querySelector('#attendance-table tr[data-actor-id=\"' + arguments[0]"
                        + " + '\"]'); return r && r.textContent", actor);
                assertTrue(text != null && text.toString().contains(clockText(rows.get(actor).attendedMs())),
                        actor + ": " + text);
            }
            Object erlanRow = monitor.js("return document.querySelector('#attendance-table tr[data-actor-id=\"" + erlanA
                    + "\"]').textContent");
            assertTrue(erlanRow.toString().contains("Ерлан Ахметов"), erlanRow.toString());
            assertTrue(((Number) monitor.js("return document.querySelectorAll('#lesson-table tbody tr').length")).intValue() >= 1);
            assertEquals(Boolean.TRUE, monitor.js("return !!window.Chart && !!document.querySelector('#sync-chart')"));
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static void assertDuration(long expectedMs, long actualMs, String what) {
        assertTrue(Math.abs(expectedMs - actualMs) <= TOLERANCE_MS, what + ": expected " + expectedMs + " ms ± "
                + TOLERANCE_MS + ", was " + actualMs);
    }

    /** The page's m:ss / h:mm:ss text of a duration (footprint-format.js clock). */
    private static String clockText(long ms) {
        long s = Math.round(ms / 1000.0);
        String mmss = String.format("%02d:%02d", (s / 60) % 60, s % 60);
        return s >= 3600 ? (s / 3600) + ":" + mmss : (s / 60) + ":" + String.format("%02d", s % 60);
    }
}
