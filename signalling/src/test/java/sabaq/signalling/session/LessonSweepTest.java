package sabaq.signalling.session;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.signalling.testing.SignallingFixture;
import sabaq.signalling.testing.TestClient;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Ended lessons are forgotten after the retention, empty live ones once their links expire; busy ones stay. */
@ExtendWith(VertxExtension.class)
class LessonSweepTest {
    private static SignallingFixture f;

    @BeforeAll
    static void start(Vertx vertx) {
        f = SignallingFixture.start(vertx, "sweep-interval = 20 ms\nended-lesson-retention = 1 hour\ntoken-ttl = 12 hours");
    }

    @AfterAll
    static void stop() {
        f.stop();
    }

    private static int status(JsonObject lesson) {
        return f.request(HttpMethod.GET, "/api/lessons/" + lesson.getString("lessonId"), null).status();
    }

    /** Polls (each poll is an HTTP round trip) until the lesson answers {@code expected}. */
    private static void awaitStatus(JsonObject lesson, int expected) {
        long deadline = System.nanoTime() + TestClient.TIMEOUT.toNanos();
        while (status(lesson) != expected) {
            if (System.nanoTime() > deadline) fail("lesson " + lesson.getString("lessonId") + " never answered " + expected);
        }
    }

    @Test
    void sweep() {
        JsonObject ended = f.createLesson("Ended", "T");
        JsonObject idle = f.createLesson("Idle", "T");
        JsonObject busy = f.createLesson("Busy", "T");
        TestClient teacher = f.joined(ended.getString("teacherToken"), "");
        teacher.send(new JsonObject().put("type", "end-lesson"));
        teacher.awaitClosed();
        TestClient student = f.joined(busy.getString("studentToken"), "Stays");

        f.time.advance(Duration.ofMinutes(61));
        awaitStatus(ended, 404);
        assertEquals(200, status(idle));

        f.time.advance(Duration.ofHours(12));
        awaitStatus(idle, 404);
        assertEquals(200, status(busy), "a lesson with participants stays");
        student.ping("still connected");
        f.closeClients();
        awaitStatus(busy, 404);
    }
}
