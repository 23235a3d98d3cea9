package sabaq.studio.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sabaq.common.test.Poll;
import sabaq.studio.Json;
import sabaq.studio.UploadService;
import sabaq.studio.course.Course;
import sabaq.studio.course.MediaRef;
import sabaq.studio.testing.Courses;
import sabaq.studio.testing.StudioHarness;
import sabaq.studio.testing.TestMedia;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The studio and catalog routes over HTTP, with stand-in guards (header {@code X-Test-Role}: "editor" passes both,
 * "student" only the viewers' guard) in place of the accounts' AccessGuard: editing, a checked upload refused with
 * its code and arguments, publishing with job progress, the catalog, and only the current publication's files.
 */
class StudioRoutesTest {
    @TempDir
    static Path dir;
    static StudioHarness h;
    static Vertx vertx;
    static HttpServer server;
    static String base;
    static final HttpClient http = HttpClient.newHttpClient();
    static Path media;

    @BeforeAll
    static void start() throws Exception {
        h = StudioHarness.start(dir);
        media = Files.createDirectories(dir.resolve("media"));
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        new StudioRoutes(h.studio(), ctx -> guard(ctx, "editor"), ctx -> guard(ctx, "editor", "student")).mount(vertx, router);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + server.actualPort();
    }

    private static void guard(RoutingContext ctx, String... allowed) {
        String role = ctx.request().getHeader("X-Test-Role");
        if (role == null) ctx.response().setStatusCode(401).end();
        else if (java.util.Arrays.asList(allowed).contains(role)) ctx.next();
        else ctx.response().setStatusCode(403).end();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        h.close();
    }

    @Test
    void staffEditUploadAndPublishAndStudentsSeeOnlyThePublishedCourse() throws Exception {
        MediaRef lecture = uploadVia("editor", TestMedia.lecture(media, "lecture.mp4", 5, 160, 90, 0.1), "video");
        MediaRef ru = uploadVia("editor", TestMedia.srt(media.resolve("ru.srt"), "Привет", 0, 5), "subtitles");
        assertTrue(h.store.stat(ru.key()).isPresent());
        Course course = Courses.course("web-course", new sabaq.studio.course.Lesson("l1", Courses.text("Сабақ", "Урок"), null, lecture,
                null, null, null, null, Map.of("ru", ru), null, java.util.List.of()));
        HttpResponse<String> saved = send("PUT", "/api/studio/courses/web-course", "editor", Json.MAPPER.writeValueAsString(course));
        assertEquals(200, saved.statusCode(), saved.body());
        assertTrue(json(saved).get("updatedAt").asLong() > 0);

        assertEquals(403, send("GET", "/api/studio/courses", "student", null).statusCode(), "students do not see drafts");
        assertEquals(401, send("GET", "/api/studio/courses", null, null).statusCode());
        assertEquals(404, send("GET", "/api/catalog/web-course", "student", null).statusCode(), "not published yet");

        HttpResponse<String> job = send("POST", "/api/studio/courses/web-course/publish", "editor", null);
        assertEquals(200, job.statusCode(), job.body());
        String jobId = json(job).get("id").asText();
        JsonNode done = Poll.until(Duration.ofMinutes(2), Duration.ofMillis(200), () -> {
            try {
                return json(send("GET", "/api/studio/jobs/" + jobId, "editor", null));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, j -> j.get("state").asText().equals("SUCCEEDED") || j.get("state").asText().equals("FAILED"), "the job to end");
        assertEquals("SUCCEEDED", done.get("state").asText(), done.toString());
        assertEquals(1.0, done.get("progress").asDouble());

        JsonNode catalog = json(send("GET", "/api/catalog", "student", null));
        boolean listed = false;
        for (JsonNode c : catalog.get("courses")) listed |= c.get("courseId").asText().equals("web-course");
        assertTrue(listed, catalog.toString());
        JsonNode page = json(send("GET", "/api/catalog/web-course", "student", null));
        String mediaBase = page.get("base").asText();
        assertEquals("/media/courses/web-course/" + jobId + "/", mediaBase);
        String master = page.get("manifest").get("modules").get(0).get("lessons").get(0).get("master").asText();
        HttpResponse<String> m3u8 = send("GET", mediaBase + master, "student", null);
        assertEquals(200, m3u8.statusCode());
        assertTrue(m3u8.headers().firstValue("Content-Type").orElse("").contains("mpegurl"), m3u8.headers().toString());
        assertTrue(m3u8.body().contains("TYPE=SUBTITLES") && m3u8.body().contains("LANGUAGE=\"ru\""), m3u8.body());

        assertEquals(404, send("GET", "/media/courses/web-course/20200101-000000-00000000/" + master, "student", null).statusCode(),
                "only the current publication");
        assertEquals(404, send("GET", mediaBase + "manifest.json", "student", null).statusCode());
        assertEquals(404, send("GET", mediaBase + "lessons/../../x", "student", null).statusCode());
        assertEquals(401, send("GET", mediaBase + master, null, null).statusCode());
    }

    @Test
    void aRunningJobIsCancelledAndARetryFinishesIt() throws Exception {
        MediaRef lecture = uploadVia("editor", TestMedia.lecture(media, "long.mp4", 20, 160, 90, 0.1), "video");
        Course course = Courses.course("cancelled", Courses.lesson("l1", lecture));
        assertEquals(200, send("PUT", "/api/studio/courses/cancelled", "editor", Json.MAPPER.writeValueAsString(course)).statusCode());
        String jobId = json(send("POST", "/api/studio/courses/cancelled/publish", "editor", null)).get("id").asText();
        Poll.until(Duration.ofMinutes(1), Duration.ofMillis(50), () -> job(jobId),
                j -> j.get("state").asText().equals("RUNNING") && running(j, "hls"), "the HLS step to run");
        assertEquals(200, send("POST", "/api/studio/jobs/" + jobId + "/cancel", "editor", null).statusCode());
        JsonNode cancelled = Poll.until(Duration.ofMinutes(1), Duration.ofMillis(100), () -> job(jobId),
                j -> !j.get("state").asText().equals("RUNNING"), "the job to stop");
        assertEquals("CANCELLED", cancelled.get("state").asText(), cancelled.toString());
        assertEquals(404, send("GET", "/api/catalog/cancelled", "editor", null).statusCode(), "nothing published");
        assertEquals(403, send("POST", "/api/studio/jobs/" + jobId + "/cancel", "student", null).statusCode(), "students cannot cancel");

        assertEquals(200, send("POST", "/api/studio/jobs/" + jobId + "/retry", "editor", null).statusCode());
        JsonNode done = Poll.until(Duration.ofMinutes(2), Duration.ofMillis(200), () -> job(jobId),
                j -> j.get("state").asText().equals("SUCCEEDED") || j.get("state").asText().equals("FAILED"), "the retry to end");
        assertEquals("SUCCEEDED", done.get("state").asText(), done.toString());
        assertEquals(2, done.get("attempt").asInt());
        assertEquals(409, send("POST", "/api/studio/jobs/" + jobId + "/retry", "editor", null).statusCode(), "a finished job is not retried");
        assertEquals(200, send("GET", "/api/catalog/cancelled", "student", null).statusCode());
    }

    private static JsonNode job(String id) {
        try {
            return json(send("GET", "/api/studio/jobs/" + id, "editor", null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean running(JsonNode job, String stepId) {
        for (JsonNode s : job.get("steps")) {
            if (s.get("stepId").asText().equals(stepId) && s.get("state").asText().equals("RUNNING")) return true;
        }
        return false;
    }

    @Test
    void aBrokenUploadIsRefusedWithItsCodeAndArguments() throws Exception {
        Path overlap = Files.writeString(media.resolve("bad.srt"),
                "1\n00:00:01,000 --> 00:00:04,000\nА\n\n2\n00:00:03,000 --> 00:00:05,000\nБ\n");
        HttpResponse<String> r = upload("editor", overlap, "subtitles");
        assertEquals(422, r.statusCode(), r.body());
        JsonNode e = json(r).get("error");
        assertEquals("SUBTITLE_OVERLAP", e.get("code").asText());
        assertEquals("2", e.get("args").get("cue").asText());
        assertEquals(403, upload("student", overlap, "subtitles").statusCode());
        assertEquals(400, upload("editor", overlap, "poster").statusCode());
    }

    @Test
    void aCourseThatIsNotValidIsRefusedNamingTheField() throws Exception {
        HttpResponse<String> r = send("PUT", "/api/studio/courses/bad", "editor",
                "{\"id\":\"bad\",\"title\":{\"kk\":\"\",\"ru\":\"\"},\"modules\":[],\"createdAt\":0,\"updatedAt\":0}");
        assertEquals(422, r.statusCode(), r.body());
        assertEquals("COURSE_INVALID", json(r).get("error").get("code").asText());
        assertEquals(400, send("PUT", "/api/studio/courses/bad", "editor", "{\"id\":\"other\"}").statusCode());
        assertEquals(404, send("GET", "/api/studio/jobs/nope", "editor", null).statusCode());
        assertEquals(404, send("GET", "/api/catalog/nope", "student", null).statusCode());
    }

    private static MediaRef uploadVia(String role, Path file, String kind) throws Exception {
        HttpResponse<String> r = upload(role, file, kind);
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.treeToValue(json(r).get("ref"), MediaRef.class);
    }

    private static HttpResponse<String> upload(String role, Path file, String kind) throws Exception {
        String boundary = "----sabaq" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = concat(head, Files.readAllBytes(file), tail);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/studio/uploads?kind=" + kind))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (role != null) b.header("X-Test-Role", role);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static HttpResponse<String> send(String method, String path, String role, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (role != null) b.header("X-Test-Role", role);
        if (body != null) b.header("Content-Type", "application/json");
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.MAPPER.readTree(r.body());
    }
}
