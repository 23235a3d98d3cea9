package sabaq.launcher;

import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.common.cassandra.CassandraExtension;
import com.typesafe.config.ConfigFactory;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sabaq.common.test.Poll;
import sabaq.common.time.TimeSource;
import sabaq.launcher.SabaqMain.SabaqStack;
import sabaq.launcher.browser.ChromeBrowser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operations page of the whole stack in real headless Chromium: live figures, a live lesson, and an alert rule
 * that fires when a participant joins (its condition forced by the test) and resolves when they leave, on the page
 * and in /metrics. The test joins over a plain WebSocket; media is covered by {@link LiveLessonBrowserTest}.
 */
@ExtendWith(CassandraExtension.class)
@Tag("browser")
class OperationsPageBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TITLES = "title { kk = \"Сабақта адам бар\", ru = \"В уроке есть участники\", "
            + "en = \"Someone is in a lesson\" }";
    @TempDir
    static Path dataDir;
    private static SabaqStack stack;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        ChromeBrowser.requireInstalled();
        stack = SabaqStack.start(ConfigFactory.parseString("sabaq.recorder.enabled = false\nsabaq.media.port = 0\n"
                + E2eStore.config()
                + "sabaq.signalling { port = 0, tls.port = 0, data-dir = \"" + dataDir + "\"\n"
                + "ops.sample-interval = 200 ms\n"
                + "ops.alerts.rules = [\n"
                + "  { id = someone-in-a-lesson, condition = \"participants > 0\", severity = info, " + TITLES + " },\n"
                + "  { id = disk-forced, condition = \"disk.free.ratio < 1.01\", severity = critical,"
                + "    title { kk = \"Диск тексерісі\", ru = \"Проверка диска\", en = \"Disk check\" } }\n"
                + "] }"), TimeSource.SYSTEM);
        base = "http://127.0.0.1:" + stack.httpPort() + "/";
    }

    @AfterAll
    static void stop() {
        if (stack != null) stack.close();
    }

    @Test
    void showsLiveFiguresALessonAndAnAlertThatFiresAndResolves() throws Exception {
        assertTrue(stack.httpsPort() > 0, "the embedded default also serves HTTPS");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "api/lessons"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Биология 8В\",\"teacherName\":\"Гүлнар\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        JsonObject lesson = new JsonObject(created.body());
        String lessonId = lesson.getString("lessonId");

        try (ChromeBrowser browser = ChromeBrowser.launch("operations")) {
            browser.open(base + "ops.html?lang=ru");
            Poll.until(WAIT, () -> text(browser, "#alert-list li[data-rule='disk-forced'] .alert-title"),
                    "Проверка диска"::equals, "the forced disk alert on the page (console: " + browser.consoleLog() + ")");
            assertEquals("", text(browser, "#alert-list li[data-rule='someone-in-a-lesson']"), "nobody joined yet");
            assertTrue(text(browser, "[data-figure='cpu-cores']").matches("\\d+"), text(browser, "[data-figure='cpu-cores']"));
            assertTrue(text(browser, "[data-figure='memory-used']").contains("/"), "memory used of total");
            assertTrue(text(browser, "#disk-figures dd").contains("%"), "disk free share");
            assertTrue(text(browser, "[data-figure='jvm-threads']").matches("[\\d\\s\u00a0]+"), "JVM threads");
            Poll.until(WAIT, () -> count(browser, "#cpu-spark polyline, #memory-spark polyline"), n -> n >= 2,
                    "the CPU and memory charts once two samples exist");

            WebSocket student = join(http, lesson.getString("studentToken"));
            Poll.until(WAIT, () -> text(browser, "#alert-list li[data-rule='someone-in-a-lesson'] .alert-title"),
                    "В уроке есть участники"::equals, "the alert to fire on the page");
            Poll.until(WAIT, () -> text(browser, "#lesson-table tr[data-lesson-id='" + lessonId + "'] td:nth-of-type(2)"),
                    "1"::equals, "the lesson row with one student");
            assertTrue(text(browser, "#lesson-table tr[data-lesson-id='" + lessonId + "'] th").contains("Биология 8В"));
            assertEquals(1.0, alertGauge(http, "someone-in-a-lesson"));

            browser.js("document.querySelector('#lang-switch button[lang=en]').click()");
            assertEquals("Someone is in a lesson", text(browser, "#alert-list li[data-rule='someone-in-a-lesson'] .alert-title"));

            student.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
            Poll.until(WAIT, () -> count(browser, "#alert-list li[data-rule='someone-in-a-lesson']"), n -> n == 0,
                    "the alert to resolve on the page");
            assertEquals(1, count(browser, "#alert-list li[data-rule='disk-forced']"));
            Poll.until(WAIT, () -> alertGauge(http, "someone-in-a-lesson"), v -> v == 0.0, "the alert gauge to drop");
        }
    }

    private static String text(ChromeBrowser b, String selector) {
        Object v = b.js("const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : ''", selector);
        return v == null ? "" : v.toString();
    }

    private static long count(ChromeBrowser b, String selector) {
        return ((Number) b.js("return document.querySelectorAll(arguments[0]).length", selector)).longValue();
    }

    private static double alertGauge(HttpClient http, String rule) {
        String text;
        try {
            text = http.send(HttpRequest.newBuilder(URI.create(base + "metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        for (String line : text.split("\n")) {
            if (line.startsWith("sabaq_alert_active{") && line.contains("rule=\"" + rule + "\"")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Double.NaN;
    }

    /** Joins the lesson over a plain WebSocket and waits for {@code joined}. */
    private static WebSocket join(HttpClient http, String token) throws Exception {
        CompletableFuture<String> joined = new CompletableFuture<>();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(base.replace("http:", "ws:") + "ws"),
                new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        if (data.toString().contains("\"joined\"")) joined.complete(data.toString());
                        socket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        ws.sendText(new JsonObject().put("type", "join").put("token", token).put("name", "Әлия").encode(), true);
        joined.get(10, TimeUnit.SECONDS);
        return ws;
    }
}
