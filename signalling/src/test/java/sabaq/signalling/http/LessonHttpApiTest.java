package sabaq.signalling.http;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.signalling.lesson.LessonIds;
import sabaq.signalling.lesson.Role;
import sabaq.signalling.testing.SignallingFixture;
import sabaq.signalling.testing.SignallingFixture.Response;
import sabaq.signalling.token.JoinTokens;
import sabaq.signalling.token.TokenCheck;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class LessonHttpApiTest {
    private static final int BODY_LIMIT = 2048;
    private static SignallingFixture f;

    @BeforeAll
    static void start(Vertx vertx) {
        f = SignallingFixture.start(vertx, "max-http-body-bytes = " + BODY_LIMIT);
    }

    @AfterAll
    static void stop() {
        f.stop();
    }

    private static Response post(String body) {
        return f.request(HttpMethod.POST, "/api/lessons", Buffer.buffer(body));
    }

    private static void assertError(Response r, int status, String code) {
        assertEquals(status, r.status(), () -> r.body().toString());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        assertEquals(code, r.json().getJsonObject("error").getString("code"));
        assertTrue(r.json().getJsonObject("error").getString("message").length() > 0);
    }

    @Test
    void createAndReadALesson() {
        Response r = post(new JsonObject().put("title", "  Algebra 7A ").put("teacherName", "Aigerim Bekova").encode());
        assertEquals(201, r.status());
        assertEquals("no-store", r.raw().getHeader("Cache-Control"));
        JsonObject body = r.json();
        String id = body.getString("lessonId");
        assertTrue(LessonIds.isLessonId(id), id);
        assertEquals("Algebra 7A", body.getString("title"));
        String base = "http://127.0.0.1:" + f.port() + "/lesson.html#token=";
        assertEquals(base + body.getString("teacherToken"), body.getString("teacherUrl"));
        assertEquals(base + body.getString("studentToken"), body.getString("studentUrl"));
        assertEquals(base + body.getString("observerToken"), body.getString("observerUrl"));
        long expectedExpiry = (f.time.epochMillis() / 1000 + Duration.ofHours(12).toSeconds()) * 1000;
        assertEquals(expectedExpiry, body.getLong("expiresAt"));

        JoinTokens tokens = new JoinTokens(f.config.tokenSecret().getBytes(StandardCharsets.UTF_8), f.time);
        TokenCheck teacher = tokens.verify(body.getString("teacherToken"));
        assertEquals(Role.TEACHER, teacher.claims().role());
        assertEquals(id, teacher.claims().lessonId());
        assertEquals(Role.STUDENT, tokens.verify(body.getString("studentToken")).claims().role());
        assertEquals(Role.OBSERVER, tokens.verify(body.getString("observerToken")).claims().role());

        Response get = f.request(HttpMethod.GET, "/api/lessons/" + id, null);
        assertEquals(200, get.status());
        JsonObject info = get.json();
        assertEquals(id, info.getString("lessonId"));
        assertEquals("Algebra 7A", info.getString("title"));
        assertEquals("Aigerim Bekova", info.getString("teacherName"));
        assertEquals("live", info.getString("state"));
        assertEquals(0, info.getInteger("participants"));
    }

    @Test
    void badJsonBody() {
        assertError(post("{\"title\": "), 400, "BAD_REQUEST");
        assertError(post("[]"), 400, "BAD_REQUEST");
        assertError(post(""), 400, "BAD_REQUEST");
    }

    @Test
    void badFields() {
        assertError(post(new JsonObject().put("teacherName", "T").encode()), 400, "BAD_REQUEST");
        assertError(post(new JsonObject().put("title", 5).put("teacherName", "T").encode()), 400, "BAD_REQUEST");
        assertError(post(new JsonObject().put("title", "x").put("teacherName", "   ").encode()), 400, "BAD_REQUEST");
        assertError(post(new JsonObject().put("title", "a\u0001b").put("teacherName", "T").encode()), 400, "BAD_REQUEST");
        assertError(post(new JsonObject().put("title", "x").put("teacherName", "n".repeat(101)).encode()), 400, "BAD_REQUEST");
    }

    @Test
    void titleTooLong() {
        assertError(post(new JsonObject().put("title", "t".repeat(201)).put("teacherName", "T").encode()), 400, "BAD_REQUEST");
        assertEquals(201, post(new JsonObject().put("title", "t".repeat(200)).put("teacherName", "T").encode()).status());
    }

    @Test
    void oversizedBody() {
        String big = new JsonObject().put("title", "x").put("teacherName", "T").put("pad", "p".repeat(BODY_LIMIT)).encode();
        assertError(post(big), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void unknownLesson() {
        assertError(f.request(HttpMethod.GET, "/api/lessons/AAAAAAAAAAAA", null), 404, "LESSON_NOT_FOUND");
        assertError(f.request(HttpMethod.GET, "/api/lessons/not-an-id", null), 404, "LESSON_NOT_FOUND");
        assertError(f.request(HttpMethod.GET, "/api/nothing-here", null), 404, "NOT_FOUND");
    }

    @Test
    void healthAndPagesWithSecurityHeaders() {
        Response health = f.request(HttpMethod.GET, "/healthz", null);
        assertEquals(200, health.status());
        assertEquals("ok", health.json().getString("status"));

        Response page = f.request(HttpMethod.GET, "/", null);
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().toString().contains("<html"));
        assertEquals("nosniff", page.raw().getHeader("X-Content-Type-Options"));
        assertEquals("no-referrer", page.raw().getHeader("Referrer-Policy"));
        String csp = page.raw().getHeader("Content-Security-Policy");
        assertTrue(csp.contains("script-src 'self'"), csp);
        assertTrue(csp.contains("media-src 'self' blob:"), csp);
        assertEquals(404, f.request(HttpMethod.GET, "/no-such-page.html", null).status());
    }

    @Test
    void plainGetOnTheWebSocketPathIsRefused() {
        assertEquals(400, f.request(HttpMethod.GET, "/ws", null).status());
    }
}
