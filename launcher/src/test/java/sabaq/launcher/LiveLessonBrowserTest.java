package sabaq.launcher;

import com.typesafe.config.ConfigFactory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import sabaq.common.media.MediaRoomStats;
import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.common.cassandra.CassandraExtension;
import sabaq.common.test.Poll;
import sabaq.common.time.TimeSource;
import sabaq.launcher.SabaqMain.SabaqStack;
import sabaq.launcher.browser.ChromeBrowser;
import sabaq.launcher.browser.LessonPage;
import sabaq.media.transport.MediaCounters.Counter;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance test of the live lesson: a teacher and three students in real headless Chromium (fake camera and
 * microphone) join one lesson through Sabaq's signalling and SFU, and every media path is checked through each
 * page's getStats().
 */
@Tag("browser")
@ExtendWith(CassandraExtension.class)
class LiveLessonBrowserTest {
    private static final Duration JOIN = Duration.ofSeconds(30);
    private static final Duration MEDIA = Duration.ofSeconds(40);
    private static SabaqStack stack;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        ChromeBrowser.requireInstalled();
        stack = SabaqStack.start(ConfigFactory.parseString("sabaq.signalling.port = 0\nsabaq.media.port = 0\n"
                + "sabaq.signalling.tls.enabled = false\nsabaq.signalling.ops.sample-interval = 500 ms\n"
                + "sabaq.recorder.enabled = false\n" + E2eStore.config()), TimeSource.SYSTEM);
        base = "http://127.0.0.1:" + stack.httpPort() + "/";
    }

    @AfterAll
    static void stop() {
        if (stack != null) stack.close();
    }

    static JsonObject createLesson(String title, String teacher) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "api/lessons"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("title", title).put("teacherName", teacher).encode()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return new JsonObject(r.body());
    }

    static String lessonUrl(String token, String name, boolean fakeScreen) {
        StringBuilder sb = new StringBuilder(base).append("lesson.html?lang=kk");
        if (name != null) sb.append("&name=").append(URLEncoder.encode(name, StandardCharsets.UTF_8));
        if (fakeScreen) sb.append("&fakeScreen=1");
        return sb.append("#token=").append(token).toString();
    }

    @Test
    void teacherAndThreeStudentsRunALesson() throws Exception {
        JsonObject lesson = createLesson("Алгебра 7А", "Айгерім Бекова");
        List<ChromeBrowser> browsers = new ArrayList<>();
        try {
            LessonPage teacher = page(browsers, "teacher");
            teacher.open(lessonUrl(lesson.getString("teacherToken"), null, true));
            String teacherId = teacher.awaitJoined(JOIN);

            List<LessonPage> students = new ArrayList<>();
            List<String> studentIds = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                LessonPage s = page(browsers, "student" + i);
                s.open(lessonUrl(lesson.getString("studentToken"), "Оқушы " + i, false));
                students.add(s);
            }
            for (LessonPage s : students) studentIds.add(s.awaitJoined(JOIN));

            // 1. Every student sees and hears the teacher.
            for (LessonPage s : students) {
                s.awaitVideoDecoding(teacherId, "camera", MEDIA);
                s.awaitAudioFlowing(teacherId, MEDIA);
            }

            // The SFU's figures reach the operations side: the room with its four peers, the teacher's incoming
            // bit rate and the students' receiver reports (loss known), and the lesson's gauges in /metrics.
            String lessonId = lesson.getString("lessonId");
            MediaRoomStats room = Poll.until(MEDIA, Duration.ofMillis(500), () -> roomStats(lessonId),
                    r -> r != null && r.connectedPeers() == 4 && r.inboundBitrateBps() > 0 && r.downstreamLoss() >= 0,
                    "the SFU's room figures with receiver reports");
            assertTrue(room.producers() >= 2 && room.consumers() >= 6, room.toString());
            assertTrue(room.loss() >= 0 && room.loss() <= 1, room.toString());
            Poll.until(MEDIA, Duration.ofMillis(500), () -> stack.signalling().ops().registry()
                            .find("sabaq.lesson.inbound.bitrate").tag("lesson", lessonId).gauge(),
                    g -> g != null && g.value() > 0, "the lesson's bit rate gauge");

            // The SFU's REMB and transport-cc feedback let the teacher's browser turn on its whole simulcast ladder,
            // and a student on an unconstrained line gets the top layer.
            Poll.until(Duration.ofSeconds(75), Duration.ofMillis(500), teacher::outboundVideoStats,
                    enc -> enc.stream().filter(e -> ((Number) e.get("framesEncoded")).longValue() > 0).count() >= 3,
                    "teacher to encode all three simulcast layers");
            System.out.println("teacher encodings: " + teacher.outboundVideoStats());
            Poll.until(MEDIA, Duration.ofMillis(500), () -> students.get(0).frameWidth(teacherId, "camera"),
                    w -> w >= 640, "student 1 to receive the top layer (frameWidth >= 640)");

            // 2. The teacher shares a screen: a second video track every student decodes.
            teacher.call("startScreenShare()");
            for (LessonPage s : students) s.awaitVideoDecoding(teacherId, "screen", MEDIA);

            // 3. The teacher gives student 1 the floor: teacher and the other students decode that student.
            String speaker = studentIds.get(0);
            teacher.call("grantFloor('" + speaker + "', true)");
            Poll.until(JOIN, () -> students.get(0).flag("floor"), "student 1 to get the floor");
            teacher.awaitVideoDecoding(speaker, "camera", MEDIA);
            teacher.awaitAudioFlowing(speaker, MEDIA);
            students.get(1).awaitVideoDecoding(speaker, "camera", MEDIA);
            students.get(2).awaitVideoDecoding(speaker, "camera", MEDIA);

            // 4. Chat and hand raise reach the others.
            String text = "Сәлеметсіз бе! Привет! " + System.nanoTime();
            students.get(1).call("sendChat(" + jsString(text) + ")");
            for (LessonPage p : List.of(teacher, students.get(0), students.get(2))) {
                Poll.until(JOIN, () -> chatContains(p, text), p.browser().name() + " to receive the chat message");
            }
            students.get(2).call("raiseHand(true)");
            String raiser = studentIds.get(2);
            Poll.until(JOIN, () -> handRaised(teacher, raiser), "teacher to see student 3's raised hand");

            // 5. Student 3's browser crashes; the others keep decoding and see them gone.
            browsers.get(3).crash();
            Poll.until(JOIN, () -> !participantPresent(teacher, raiser), "teacher to see student 3 leave");
            students.get(0).awaitVideoDecoding(teacherId, "camera", MEDIA);
            students.get(1).awaitVideoDecoding(teacherId, "camera", MEDIA);
            students.get(1).awaitVideoDecoding(speaker, "camera", MEDIA);
            teacher.awaitVideoDecoding(speaker, "camera", MEDIA);

            assertEquals(0, stack.media().counters().get(Counter.INTERNAL_ERRORS), "no bug in the packet path");
            assertTrue(stack.media().counters().get(Counter.RTP_FORWARDED) > 1000, "the SFU forwarded media");

            // 6. The teacher ends the lesson: every page shows it ended.
            teacher.call("endLesson()");
            for (LessonPage p : List.of(teacher, students.get(0), students.get(1))) {
                Poll.until(JOIN, () -> p.flag("lessonEnded"), p.browser().name() + " to show the lesson ended");
            }
        } finally {
            for (ChromeBrowser b : browsers) b.close();
        }
    }

    private static MediaRoomStats roomStats(String lessonId) {
        return stack.media().roomStats().toCompletableFuture().join().stream()
                .filter(r -> r.roomId().equals(lessonId)).findFirst().orElse(null);
    }

    private static LessonPage page(List<ChromeBrowser> browsers, String name) {
        ChromeBrowser b = ChromeBrowser.launch(name);
        browsers.add(b);
        return new LessonPage(b);
    }

    private static String jsString(String s) {
        return new JsonArray().add(s).encode().replaceAll("^\\[|\\]$", "");
    }

    private static boolean chatContains(LessonPage p, String text) {
        Object chat = p.browser().js("return JSON.stringify(window.sabaq.state.chat || [])");
        return chat != null && chat.toString().contains(jsonEscaped(text));
    }

    private static String jsonEscaped(String s) {
        String enc = new JsonArray().add(s).encode();
        return enc.substring(2, enc.length() - 2);
    }

    private static boolean handRaised(LessonPage p, String participantId) {
        Object v = p.browser().js("const ps = window.sabaq.state.participants;"
                + "const list = Array.isArray(ps) ? ps : Object.values(ps || {});"
                + "const x = list.find(q => q.id === arguments[0]); return !!(x && x.handRaised);", participantId);
        return Boolean.TRUE.equals(v);
    }

    private static boolean participantPresent(LessonPage p, String participantId) {
        Object v = p.browser().js("const ps = window.sabaq.state.participants;"
                + "const list = Array.isArray(ps) ? ps : Object.values(ps || {});"
                + "return list.some(q => q.id === arguments[0]);", participantId);
        return Boolean.TRUE.equals(v);
    }
}
