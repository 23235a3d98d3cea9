package sabaq.signalling.session;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.signalling.testing.SignallingFixture;
import sabaq.signalling.testing.TestClient;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Limits: participants per lesson, lessons per server, join timeout, and frames far over the size limit. */
@ExtendWith(VertxExtension.class)
class ConnectionLimitsTest {
    private static final int MAX_MESSAGE = 4096;
    private static SignallingFixture f;
    private static JsonObject lesson;

    @BeforeAll
    static void start(Vertx vertx) {
        f = SignallingFixture.start(vertx, "max-participants-per-lesson = 2\nmax-lessons = 1\njoin-timeout = 300 ms\n"
                + "max-message-bytes = " + MAX_MESSAGE);
        lesson = f.createLesson("Small room", "Teacher");
    }

    @AfterAll
    static void stop() {
        f.stop();
    }

    @AfterEach
    void closeClients() {
        f.closeClients();
    }

    @Test
    void lessonFullAndLessonLimit() {
        TestClient teacher = f.joined(lesson.getString("teacherToken"), "");
        f.joined(lesson.getString("studentToken"), "One");
        TestClient third = f.connect();
        third.send(new JsonObject().put("type", "join").put("token", lesson.getString("studentToken")).put("name", "Two"));
        third.error("LESSON_FULL");

        SignallingFixture.Response r = f.request(HttpMethod.POST, "/api/lessons",
                new JsonObject().put("title", "Another").put("teacherName", "T").toBuffer());
        assertEquals(503, r.status());
        assertEquals("LESSON_LIMIT", r.json().getJsonObject("error").getString("code"));
        teacher.ping("alive");
    }

    @Test
    void socketThatNeverJoinsIsClosed() {
        TestClient idle = f.connect();
        assertEquals(1008, idle.awaitClosed());
    }

    @Test
    void frameFarOverTheLimitClosesTheSocket() {
        TestClient c = TestClient.connect(f.vertx, f.port(), new WebSocketClientOptions().setMaxFrameSize(1024 * 1024));
        try {
            c.send(new JsonObject().put("type", "ping").put("pad", "p".repeat(MAX_MESSAGE + 100 * 1024)));
            c.awaitClosed();
        } finally {
            c.close();
        }
        TestClient other = f.connect();
        other.ping("server still answers");
    }
}
