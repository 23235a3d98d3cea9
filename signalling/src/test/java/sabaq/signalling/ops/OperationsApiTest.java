package sabaq.signalling.ops;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.common.test.Poll;
import sabaq.signalling.testing.FakeMediaStats;
import sabaq.signalling.testing.SignallingFixture;
import sabaq.signalling.testing.SignallingFixture.Response;
import sabaq.signalling.testing.TestClient;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operations endpoints of a real signalling server with real lessons over WebSockets: the Prometheus endpoint
 * (acceptance 5 of issue 3: CPU, memory, disk and lesson metrics), alert rules forced to fire and resolve, the JSON of
 * the operations page, and the health checks. Media figures come from a {@link FakeMediaStats}.
 */
@ExtendWith(VertxExtension.class)
class OperationsApiTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TITLE = "title { kk = \"Сынақ\", ru = \"Проверка\", en = \"Test\" }";
    static final String RULES = "ops.alerts.rules = ["
            + "{ id = participants-present, condition = \"participants > 0\", severity = info, " + TITLE + " },"
            + "{ id = disk-forced, condition = \"disk.free.ratio < 1.01\", severity = critical, " + TITLE + " },"
            + "{ id = media-errors, condition = \"media.internal_errors increase over 1 minute > 0\", severity = critical, " + TITLE + " },"
            + "{ id = lesson-crowded, condition = \"lesson.participants >= 2\", severity = warning, " + TITLE + " },"
            + "{ id = lesson-lossy, condition = \"lesson.loss > 0.10\", severity = warning, " + TITLE + " }"
            + "]\n";

    private final FakeMediaStats media = new FakeMediaStats();
    private SignallingFixture f;

    @BeforeEach
    void start(Vertx vertx) {
        f = SignallingFixture.start(vertx, "ops.sample-interval = 100 ms\n" + RULES,
                config -> OpsBindings.defaults(config.ops(), media));
    }

    @AfterEach
    void stop() {
        f.stop();
    }

    private String metrics() {
        Response r = f.request(HttpMethod.GET, "/metrics", null);
        assertEquals(200, r.status(), () -> r.body().toString());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", r.contentType());
        return r.body().toString();
    }

    private JsonObject api(String path) {
        Response r = f.request(HttpMethod.GET, path, null);
        assertEquals(200, r.status(), () -> r.body().toString());
        assertEquals("no-store", r.raw().getHeader("Cache-Control"));
        return r.json();
    }

    /** The value of the first sample line of a metric whose labels contain all the given label texts. */
    static double sample(String exposition, String name, String... labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$").matcher(exposition);
        while (m.find()) {
            String l = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (String want : labels) all &= l.contains(want);
            if (all) return Double.parseDouble(m.group(2));
        }
        return Double.NaN;
    }

    /** The sum of every sample line of a metric whose labels contain all the given label texts. */
    static double sum(String exposition, String name, String... labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$").matcher(exposition);
        double total = 0;
        while (m.find()) {
            String l = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (String want : labels) all &= l.contains(want);
            if (all) total += Double.parseDouble(m.group(2));
        }
        return total;
    }

    private static boolean active(JsonObject alerts, String rule) {
        return alerts.getJsonArray("active").stream().anyMatch(a -> rule.equals(((JsonObject) a).getString("rule")));
    }

    private JsonObject alertsWhen(String what, java.util.function.Predicate<JsonObject> done) {
        return Poll.until(WAIT, () -> api("/api/ops/alerts"), done, what);
    }

    @Test
    void prometheusExposesCpuMemoryDiskNetworkAndLessonMetrics() {
        JsonObject lesson = f.createLesson("Физика 9Б", "Ерлан Сейітов");
        String id = lesson.getString("lessonId");
        media.rooms.put(id, FakeMediaStats.room(id, 0.25, 640_000));
        media.counters.put("packets_received", 1234L);
        media.counters.put("drop_srtp_auth", 5L);
        f.joined(lesson.getString("teacherToken"), "");
        f.joined(lesson.getString("studentToken"), "Асем");

        String text = Poll.until(WAIT, this::metrics,
                t -> sample(t, "sabaq_lesson_participants", "lesson=\"" + id + "\"") == 2.0, "the lesson in /metrics");
        assertTrue(sample(text, "system_cpu_count") >= 1, "system CPU");
        assertTrue(sample(text, "system_cpu_usage") >= 0 || Double.isNaN(sample(text, "system_cpu_usage")));
        assertTrue(text.contains("\nsystem_cpu_usage "), "system CPU load is exposed");
        assertTrue(text.contains("\nprocess_cpu_usage "), "process CPU load is exposed");
        assertTrue(sample(text, "system_memory_total_bytes") > 0, "physical memory");
        assertTrue(sample(text, "system_memory_free_bytes") >= 0);
        assertTrue(sample(text, "disk_total_bytes", "path=\"") > 0, "disk");
        assertTrue(sample(text, "disk_free_bytes", "path=\"") >= 0);
        double ratio = sample(text, "sabaq_disk_free_ratio", "path=\"");
        assertTrue(ratio >= 0 && ratio <= 1, "disk ratio " + ratio);
        assertTrue(sum(text, "jvm_memory_used_bytes", "area=\"heap\"") > 0, "JVM heap in use");
        assertTrue(sample(text, "jvm_threads_live_threads") > 0, "JVM threads");
        assertTrue(sample(text, "jvm_classes_loaded_classes") > 0, "JVM classes");
        assertTrue(text.contains("jvm_gc_"), "JVM GC");
        assertTrue(sample(text, "process_uptime_seconds") > 0, "process uptime");
        assertTrue(sample(text, "process_files_open_files") > 0, "open files");
        assertEquals(1.0, sample(text, "sabaq_network_stats_available"), "Linux /proc/net/dev");
        assertTrue(sample(text, "sabaq_network_receive_bytes_total", "interface=\"lo\"") >= 0, "loopback counters");
        assertTrue(sample(text, "sabaq_network_transmit_packets_total", "interface=\"lo\"") >= 0);
        assertEquals(1.0, sample(text, "sabaq_lessons_live"));
        assertEquals(1.0, sample(text, "sabaq_participants", "role=\"teacher\""));
        assertEquals(1.0, sample(text, "sabaq_participants", "role=\"student\""));
        assertEquals(0.0, sample(text, "sabaq_participants", "role=\"observer\""));
        assertEquals(0.25, sample(text, "sabaq_lesson_loss_ratio", "lesson=\"" + id + "\""), 1e-9);
        assertEquals(640_000, sample(text, "sabaq_lesson_inbound_bitrate_bits_per_second", "lesson=\"" + id + "\""), 1e-9);
        assertEquals(1234, sample(text, "sabaq_media_packets_received_total"));
        assertEquals(5, sample(text, "sabaq_media_dropped_packets_total", "reason=\"srtp_auth\""));
        assertEquals(0, sample(text, "sabaq_media_internal_errors_total"));
        assertEquals(1.0, sample(text, "sabaq_media_ready"));
        assertEquals(2.0, sample(text, "sabaq_ws_connections"));
        assertTrue(sample(text, "sabaq_ws_messages_total") >= 2, "the two joins");
        assertTrue(sample(text, "sabaq_http_requests_total", "method=\"POST\"", "status=\"2xx\"") >= 1, "lesson creation");
        assertEquals(1.0, sample(text, "sabaq_alert_active", "rule=\"disk-forced\""));
    }

    @Test
    void lessonGaugesGoAwayWithTheLesson() {
        JsonObject lesson = f.createLesson("Химия", "Айгүл");
        String id = lesson.getString("lessonId");
        TestClient teacher = f.joined(lesson.getString("teacherToken"), "");
        Poll.until(WAIT, this::metrics, t -> sample(t, "sabaq_lesson_participants", "lesson=\"" + id + "\"") == 1.0,
                "the lesson's gauge");
        teacher.send(new JsonObject().put("type", "end-lesson"));
        Poll.until(WAIT, this::metrics, t -> !t.contains("lesson=\"" + id + "\""), "the ended lesson's gauges to go");
    }

    @Test
    void anAlertFiresWhenItsConditionIsForcedAndResolvesAfter() {
        JsonObject before = alertsWhen("a first evaluation", a -> a.getValue("evaluatedAt") != null);
        assertTrue(active(before, "disk-forced"), "disk.free.ratio < 1.01 holds on any real disk: " + before);
        assertTrue(!active(before, "participants-present"), before.encode());

        JsonObject lesson = f.createLesson("Алгебра 7А", "Айгерім Бекова");
        TestClient student = f.joined(lesson.getString("studentToken"), "Нұрлан");
        JsonObject fired = alertsWhen("participants-present to fire", a -> active(a, "participants-present"));
        JsonObject alert = fired.getJsonArray("active").stream().map(JsonObject.class::cast)
                .filter(a -> a.getString("rule").equals("participants-present")).findFirst().orElseThrow();
        assertEquals("info", alert.getString("severity"));
        assertEquals(1.0, alert.getDouble("value"));
        assertEquals("Сынақ", alert.getJsonObject("title").getString("kk"));
        assertEquals("participants > 0", alert.getString("condition"));
        assertNull(alert.getString("lessonId"));
        assertTrue(alert.getLong("since") <= alert.getLong("firedAt"));
        assertEquals(1.0, sample(metrics(), "sabaq_alert_active", "rule=\"participants-present\"", "severity=\"info\""));

        student.close();
        alertsWhen("participants-present to resolve", a -> !active(a, "participants-present"));
        Poll.until(WAIT, this::metrics, t -> sample(t, "sabaq_alert_active", "rule=\"participants-present\"") == 0.0,
                "the alert gauge to drop");
    }

    @Test
    void counterAndLessonRulesFire() {
        JsonObject lesson = f.createLesson("Тарих", "Болат");
        String id = lesson.getString("lessonId");
        media.rooms.put(id, FakeMediaStats.room(id, 0.02, 100_000));
        f.joined(lesson.getString("teacherToken"), "");
        f.joined(lesson.getString("observerToken"), "Әдіскер");
        JsonObject crowded = alertsWhen("lesson-crowded to fire", a -> active(a, "lesson-crowded"));
        JsonObject perLesson = crowded.getJsonArray("active").stream().map(JsonObject.class::cast)
                .filter(a -> a.getString("rule").equals("lesson-crowded")).findFirst().orElseThrow();
        assertEquals(id, perLesson.getString("lessonId"));
        assertTrue(!active(crowded, "lesson-lossy"), "2 % loss is below the rule");

        media.rooms.put(id, FakeMediaStats.room(id, 0.30, 100_000));
        alertsWhen("lesson-lossy to fire", a -> active(a, "lesson-lossy"));

        // A window keeps the alert up for a minute of the test clock, so a slow poll cannot miss it (without one it
        // would be up for a single 100 ms evaluation); a minute later without new errors it resolves.
        media.counters.put("internal_errors", 1L);
        alertsWhen("media-errors to fire", a -> active(a, "media-errors"));
        f.time.advance(Duration.ofMinutes(2));
        alertsWhen("media-errors to resolve without new errors", a -> !active(a, "media-errors"));
    }

    @Test
    void theOperationsPageJson() {
        JsonObject lesson = f.createLesson("География", "Сәуле");
        String id = lesson.getString("lessonId");
        media.rooms.put(id, FakeMediaStats.room(id, 0.05, 300_000));
        f.joined(lesson.getString("teacherToken"), "");
        f.joined(lesson.getString("studentToken"), "Айбек");
        f.joined(lesson.getString("studentToken"), "Дана");

        JsonObject lessons = Poll.until(WAIT, () -> api("/api/ops/lessons"),
                j -> j.getJsonArray("lessons").size() == 1
                        && j.getJsonArray("lessons").getJsonObject(0).getJsonObject("participants").getInteger("total") == 3,
                "the lesson with three participants");
        JsonObject l = lessons.getJsonArray("lessons").getJsonObject(0);
        assertEquals(id, l.getString("id"));
        assertEquals("География", l.getString("title"));
        assertEquals(2, l.getJsonObject("participants").getInteger("student"));
        assertEquals(1, l.getJsonObject("participants").getInteger("teacher"));
        assertEquals(0.05, l.getJsonObject("media").getDouble("loss"), 1e-9);
        assertEquals(300_000, l.getJsonObject("media").getLong("inboundBitrateBps"));
        assertEquals(42.0, l.getJsonObject("media").getDouble("rttMillis"), 1e-9);

        JsonObject system = Poll.until(WAIT, () -> api("/api/ops/system"),
                s -> s.getJsonObject("history").getJsonArray("at").size() >= 3, "three samples of history");
        assertEquals(100, system.getLong("sampleIntervalMillis"));
        assertTrue(system.getJsonObject("cpu").getInteger("cores") >= 1);
        assertTrue(system.getJsonObject("memory").getLong("total") > 0);
        assertTrue(system.getJsonObject("jvm").getLong("heapUsed") > 0);
        JsonArray disks = system.getJsonArray("disks");
        assertEquals(2, disks.size(), "data dir and working dir: " + disks);
        assertTrue(disks.getJsonObject(0).getLong("total") > 0);
        assertTrue(system.getJsonObject("network").getBoolean("available"));
        assertTrue(system.getJsonObject("network").getJsonArray("interfaces").stream()
                .anyMatch(n -> "lo".equals(((JsonObject) n).getString("name"))));
        assertEquals(3, system.getJsonObject("signalling").getInteger("participants"));
        assertEquals(0L, system.getJsonObject("media").getJsonObject("counters").getLong("internal_errors"));
        assertTrue(system.getJsonObject("media").getBoolean("ready"));
        JsonObject history = system.getJsonObject("history");
        for (String series : List.of("cpu", "memory", "heap", "rxBps", "txBps", "participants")) {
            assertEquals(history.getJsonArray("at").size(), history.getJsonArray(series).size(), series);
        }
        JsonObject alerts = api("/api/ops/alerts");
        assertEquals(5, alerts.getJsonArray("rules").size());
        assertEquals("disk.free.ratio < 1.01", alerts.getJsonArray("rules").getJsonObject(1).getString("condition"));
    }

    @Test
    void healthAndReadiness() {
        Response live = Poll.until(WAIT, () -> f.request(HttpMethod.GET, "/healthz", null),
                r -> r.json().getJsonObject("checks").getJsonObject("sampler").getValue("lastSampleAgeMillis") != null,
                "a first sample");
        assertEquals(200, live.status());
        assertEquals("ok", live.json().getString("status"));

        Response ready = f.request(HttpMethod.GET, "/readyz", null);
        assertEquals(200, ready.status(), ready.body().toString());
        assertEquals("ok", ready.json().getJsonObject("checks").getJsonObject("media").getString("status"));

        media.ready = false;
        Response notReady = f.request(HttpMethod.GET, "/readyz", null);
        assertEquals(503, notReady.status());
        assertEquals("fail", notReady.json().getString("status"));
        assertEquals("fail", notReady.json().getJsonObject("checks").getJsonObject("media").getString("status"));
    }
}
