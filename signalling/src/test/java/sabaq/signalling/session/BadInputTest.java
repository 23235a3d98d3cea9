package sabaq.signalling.session;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.common.media.MediaException;
import sabaq.signalling.lesson.Role;
import sabaq.signalling.testing.SignallingFixture;
import sabaq.signalling.testing.TestClient;
import sabaq.signalling.token.Base64Url;
import sabaq.signalling.token.JoinTokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One test per kind of bad input. Each test ends by checking that the lesson still works: the teacher's chat line
 * reaches a student (and the offending socket, when it is still joined).
 */
@ExtendWith(VertxExtension.class)
class BadInputTest {
    private static final int MAX_MESSAGE = 16 * 1024;
    private static SignallingFixture f;

    private JsonObject lesson;
    private TestClient teacher;
    private TestClient student;

    @BeforeAll
    static void start(Vertx vertx) {
        f = SignallingFixture.start(vertx, "max-message-bytes = " + MAX_MESSAGE + "\nrate-limit-per-second = 50");
    }

    @AfterAll
    static void stop() {
        f.stop();
    }

    @BeforeEach
    void lesson() {
        lesson = f.createLesson("Robustness", "Teacher");
        teacher = f.joined(lesson.getString("teacherToken"), "");
        student = f.joined(lesson.getString("studentToken"), "Witness");
    }

    @AfterEach
    void closeClients() {
        f.closeClients();
    }

    /** The lesson still works for everyone: a chat line from the teacher reaches the student and {@code also}. */
    private void lessonStillWorks(TestClient... also) {
        String text = "still working " + System.nanoTime();
        teacher.chat(text);
        assertEquals(text, student.next("chat").getString("text"));
        for (TestClient c : also) {
            if (c.participantId() != null) assertEquals(text, c.next("chat").getString("text"));
            c.ping("alive");
        }
    }

    private TestClient joinedStudent(String name) {
        return f.joined(lesson.getString("studentToken"), name);
    }

    @Test
    void notJson() {
        TestClient c = joinedStudent("Bad");
        c.sendText("{\"type\": \"chat\", ");
        c.error("BAD_REQUEST");
        lessonStillWorks(c);
    }

    @Test
    void jsonArray() {
        TestClient c = joinedStudent("Bad");
        c.sendText("[{\"type\": \"chat\", \"text\": \"hi\"}]");
        assertEquals("not a JSON object", c.error("BAD_REQUEST").getString("message"));
        lessonStillWorks(c);
    }

    @Test
    void missingType() {
        TestClient c = joinedStudent("Bad");
        c.send(new JsonObject().put("text", "hi").put("requestId", "r1"));
        assertEquals("r1", c.error("BAD_REQUEST").getString("requestId"));
        lessonStillWorks(c);
    }

    @Test
    void wrongFieldType() {
        TestClient c = joinedStudent("Bad");
        c.send(new JsonObject().put("type", "hand").put("raised", "yes"));
        c.error("BAD_REQUEST");
        c.send(new JsonObject().put("type", "chat").put("text", 42));
        c.error("BAD_REQUEST");
        c.send(new JsonObject().put("type", "ping").put("requestId", 7));
        c.error("BAD_REQUEST");
        lessonStillWorks(c);
    }

    @Test
    void unknownType() {
        TestClient c = joinedStudent("Bad");
        c.send(new JsonObject().put("type", "self-destruct").put("requestId", "r2"));
        JsonObject e = c.error("UNKNOWN_TYPE");
        assertEquals("r2", e.getString("requestId"));
        lessonStillWorks(c);
    }

    @Test
    void oversizedMessageInContinuationFrames() {
        TestClient c = joinedStudent("Bad");
        c.sendFragmented(new JsonObject().put("type", "chat").put("text", "x".repeat(MAX_MESSAGE * 2)).encode(), 1000);
        c.error("MESSAGE_TOO_LARGE");
        String text = "fragmented but small " + "z".repeat(1900);
        c.sendFragmented(new JsonObject().put("type", "chat").put("text", text).encode(), 100);
        assertEquals(text, student.next("chat").getString("text"));
        assertEquals(text, c.next("chat").getString("text"));
        lessonStillWorks(c);
    }

    @Test
    void oversizedMessageInOneFrame() {
        TestClient c = TestClient.connect(f.vertx, f.port(), new WebSocketClientOptions().setMaxFrameSize(4 * MAX_MESSAGE));
        try {
            c.join(lesson.getString("studentToken"), "Bad");
            c.sendText("{\"type\":\"chat\",\"text\":\"" + "y".repeat(MAX_MESSAGE + 10) + "\"}");
            c.error("MESSAGE_TOO_LARGE");
            lessonStillWorks(c);
        } finally {
            c.close();
        }
    }

    @Test
    void binaryFrame() {
        TestClient c = joinedStudent("Bad");
        c.sendBinary(Buffer.buffer(new byte[]{1, 2, 3}));
        assertEquals("binary messages are not accepted", c.error("MESSAGE_TOO_LARGE").getString("message"));
        lessonStillWorks(c);
    }

    @Test
    void requestBeforeJoin() {
        TestClient c = f.connect();
        c.send(new JsonObject().put("type", "chat").put("text", "hi").put("requestId", "early"));
        assertEquals("early", c.error("NOT_JOINED").getString("requestId"));
        c.ping("still open");
        lessonStillWorks();
    }

    @Test
    void secondJoin() {
        TestClient c = joinedStudent("Twice");
        c.send(new JsonObject().put("type", "join").put("token", lesson.getString("studentToken")).put("name", "Twice"));
        c.error("ALREADY_JOINED");
        lessonStillWorks(c);
        assertEquals(2, teacher.all("participant-joined").size());
    }

    @Test
    void forgedSignature() {
        String token = lesson.getString("studentToken");
        char last = token.charAt(token.length() - 2);
        String forged = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        refusedJoin(forged, "TOKEN_INVALID");
    }

    @Test
    void teacherRoleForgedIntoAStudentToken() {
        String[] parts = lesson.getString("studentToken").split("\\.");
        JsonObject claims = new JsonObject(new String(Base64Url.decode(parts[1]), StandardCharsets.UTF_8)).put("role", "teacher");
        String forged = parts[0] + "." + Base64Url.encode(claims.encode().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        refusedJoin(forged, "TOKEN_INVALID");
    }

    @Test
    void algNoneToken() {
        String[] parts = lesson.getString("teacherToken").split("\\.");
        String header = Base64Url.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        refusedJoin(header + "." + parts[1] + ".", "TOKEN_INVALID");
        refusedJoin(header + "." + parts[1] + "." + parts[2], "TOKEN_INVALID");
    }

    @Test
    void expiredToken() {
        JoinTokens tokens = new JoinTokens(f.config.tokenSecret().getBytes(StandardCharsets.UTF_8), f.time);
        String shortLived = tokens.issue(lesson.getString("lessonId"), Role.STUDENT, Duration.ofMinutes(1)).token();
        f.time.advance(Duration.ofMinutes(2));
        refusedJoin(shortLived, "TOKEN_EXPIRED");
    }

    @Test
    void unknownLesson() {
        JoinTokens tokens = new JoinTokens(f.config.tokenSecret().getBytes(StandardCharsets.UTF_8), f.time);
        refusedJoin(tokens.issue("AAAAAAAAAAAA", Role.STUDENT, Duration.ofHours(1)).token(), "LESSON_NOT_FOUND");
    }

    @Test
    void badName() {
        refusedJoin(lesson.getString("studentToken"), "BAD_REQUEST", "   ");
        refusedJoin(lesson.getString("studentToken"), "BAD_REQUEST", "Evil\u0000Name");
        refusedJoin(lesson.getString("studentToken"), "BAD_REQUEST", "n".repeat(101));
    }

    private void refusedJoin(String token, String code) {
        refusedJoin(token, code, "Intruder");
    }

    private void refusedJoin(String token, String code, String name) {
        TestClient c = f.connect();
        c.send(new JsonObject().put("type", "join").put("token", token).put("name", name).put("requestId", "j"));
        assertEquals("j", c.error(code).getString("requestId"));
        c.send(new JsonObject().put("type", "chat").put("text", "am I in?"));
        c.error("NOT_JOINED");
        lessonStillWorks();
        assertTrue(teacher.all("participant-joined").stream()
                .noneMatch(m -> m.getJsonObject("participant").getString("name").equals(name)));
    }

    @Test
    void studentTriesEveryTeacherAction() {
        TestClient other = joinedStudent("Other");
        List<JsonObject> actions = List.of(
                new JsonObject().put("type", "mute").put("participantId", other.participantId()),
                new JsonObject().put("type", "remove").put("participantId", other.participantId()),
                new JsonObject().put("type", "grant-floor").put("participantId", student.participantId()).put("granted", true),
                new JsonObject().put("type", "end-lesson"));
        for (JsonObject action : actions) {
            student.send(action.copy().put("requestId", action.getString("type")));
            assertEquals(action.getString("type"), student.error("FORBIDDEN").getString("requestId"));
        }
        assertTrue(f.media.room(lesson.getString("lessonId")).peer(other.participantId()).pauses().isEmpty());
        assertFalse(student.all("floor").size() > 0);
        lessonStillWorks(other);
    }

    @Test
    void badSdp() {
        f.media.room(lesson.getString("lessonId")).peer(teacher.participantId())
                .failNext(new MediaException(MediaException.Code.BAD_SDP, "no DTLS fingerprint"));
        teacher.send(new JsonObject().put("type", "offer").put("sdp", "garbage").put("requestId", "o")
                .put("publish", new JsonArray().add(new JsonObject().put("mid", "0").put("source", "camera"))));
        JsonObject e = teacher.error("BAD_SDP");
        assertEquals("no DTLS fingerprint", e.getString("message"));
        assertEquals("o", e.getString("requestId"));
        teacher.send(new JsonObject().put("type", "offer").put("sdp", "v=0").put("requestId", "o2")
                .put("publish", new JsonArray().add(new JsonObject().put("mid", "0").put("source", "camera"))));
        assertEquals("o2", teacher.next("answer").getString("requestId"));
        assertEquals(1, student.next("tracks").getJsonArray("tracks").size());
        lessonStillWorks();
    }

    @Test
    void serverFaultBecomesInternalWithAnIncidentId() {
        f.media.room(lesson.getString("lessonId")).peer(teacher.participantId())
                .failNext(new IllegalStateException("simulated SFU bug"));
        teacher.send(new JsonObject().put("type", "offer").put("sdp", "v=0").put("requestId", "o"));
        JsonObject e = teacher.error("INTERNAL");
        assertTrue(e.getString("message").matches("internal error \\(incident [0-9a-f]{8}\\)"), e.encode());
        assertEquals("o", e.getString("requestId"));
        teacher.send(new JsonObject().put("type", "offer").put("sdp", "v=0").put("requestId", "o2"));
        assertEquals("o2", teacher.next("answer").getString("requestId"));
        lessonStillWorks();
    }

    @Test
    void invalidPublishEntries() {
        List<JsonArray> bad = List.of(
                new JsonArray().add(new JsonObject().put("mid", "0").put("source", "hologram")),
                new JsonArray().add(new JsonObject().put("mid", "0").put("source", "camera").put("kind", "audio")),
                new JsonArray().add(new JsonObject().put("mid", "0").put("source", "camera"))
                        .add(new JsonObject().put("mid", "0").put("source", "microphone")),
                new JsonArray().add(new JsonObject().put("mid", "0").put("source", "camera"))
                        .add(new JsonObject().put("mid", "1").put("source", "camera")),
                new JsonArray().add(new JsonObject().put("mid", "a b").put("source", "camera")),
                new JsonArray().add("camera"));
        for (JsonArray publish : bad) {
            teacher.send(new JsonObject().put("type", "offer").put("sdp", "v=0").put("publish", publish));
            teacher.error("BAD_REQUEST");
        }
        assertTrue(f.media.room(lesson.getString("lessonId")).peer(teacher.participantId()).negotiations().isEmpty());
        lessonStillWorks();
    }

    @Test
    void rateLimit() {
        TestClient c = joinedStudent("Chatty");
        for (int i = 0; i < 60; i++) c.send(new JsonObject().put("type", "ping").put("requestId", "p" + i));
        // The join took one token of the burst of 50 and the clock does not move: 49 pongs, then 11 refusals.
        for (int i = 0; i < 11; i++) c.error("RATE_LIMITED");
        for (int i = 0; i < 49; i++) assertEquals("p" + i, c.next("pong").getString("requestId"));
        assertEquals(49, c.all("pong").size());
        f.time.advance(Duration.ofSeconds(1));
        c.ping("after a second");
        lessonStillWorks(c);
    }
}
