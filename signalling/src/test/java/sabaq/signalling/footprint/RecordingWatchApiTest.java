package sabaq.signalling.footprint;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.common.footprint.FootprintEvent;
import sabaq.common.footprint.FootprintRole;
import sabaq.common.footprint.FootprintVerb;
import sabaq.common.footprint.WatchedRange;
import sabaq.common.recording.RecordingStatus;
import sabaq.common.recording.RecordingSummary;
import sabaq.signalling.http.CsrfGuard;
import sabaq.signalling.lesson.Role;
import sabaq.signalling.testing.FakeRecordingService;
import sabaq.signalling.testing.RecordingFootprintSink;
import sabaq.signalling.testing.SignallingFixture;
import sabaq.signalling.testing.SignallingFixture.Response;
import sabaq.signalling.token.JoinTokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recordings player's watch reports over real HTTP: the actor always comes from the join link, forged and
 * malformed reports are refused with a clear error and record nothing, a retried report is the same event, and each
 * link is rate limited.
 */
@ExtendWith(VertxExtension.class)
class RecordingWatchApiTest {
    private static final String SECRET = "test-secret-test-secret-test-secret-0123";
    private static final RecordingFootprintSink sink = new RecordingFootprintSink();
    private static final FakeRecordingService recordings = new FakeRecordingService();
    private static SignallingFixture f;
    private static JoinTokens tokens;
    private static String lessonId;
    private static String otherLessonId;
    private static final String RECORDING = "rec-ready-1";

    @BeforeAll
    static void start(Vertx vertx) {
        f = SignallingFixture.withFootprint(vertx, "footprint.watch-reports-per-minute = 5", recordings, sink);
        tokens = new JoinTokens(SECRET.getBytes(StandardCharsets.UTF_8), f.time);
        lessonId = f.createLesson("Химия", "T").getString("lessonId");
        otherLessonId = f.createLesson("Биология", "T").getString("lessonId");
        long now = f.time.epochMillis();
        recordings.add(new RecordingSummary(RECORDING, lessonId, "Химия", "T", RecordingStatus.READY, 100, now - 700_000,
                now - 100_000, 600.0, List.of("720p", "360p", "audio"), null));
        recordings.add(new RecordingSummary("rec-busy-2", lessonId, "Химия", "T", RecordingStatus.PROCESSING, 40,
                now - 90_000, now - 10_000, 0, List.of(), null));
    }

    @AfterAll
    static void stop() {
        f.stop();
    }

    private static String personal(String lesson, String userId, String name) {
        return tokens.issue(lesson, Role.STUDENT, Duration.ofHours(1), userId, name).token();
    }

    private static Response post(String token, String recordingId, JsonObject body) {
        return post(token, recordingId, body.encode(), true);
    }

    private static Response post(String token, String recordingId, String body, boolean csrfHeader) {
        Map<String, String> headers = new HashMap<>();
        if (token != null) headers.put("Authorization", "Bearer " + token);
        if (csrfHeader) headers.put(CsrfGuard.HEADER, "1");
        return f.request(HttpMethod.POST, "/api/lessons/" + lessonId + "/recordings/" + recordingId + "/watched",
                io.vertx.core.buffer.Buffer.buffer(body), headers);
    }

    private static JsonObject report(String watchId, int seq, long... fromTo) {
        JsonArray ranges = new JsonArray();
        for (int i = 0; i < fromTo.length; i += 2) ranges.add(new JsonObject().put("fromMs", fromTo[i]).put("toMs", fromTo[i + 1]));
        return new JsonObject().put("watchId", watchId).put("seq", seq).put("ranges", ranges);
    }

    private static void refused(Response r, int status, String code, String messagePart) {
        assertEquals(status, r.status(), () -> r.body().toString());
        JsonObject error = r.json().getJsonObject("error");
        assertEquals(code, error.getString("code"), r.body().toString());
        assertTrue(error.getString("message").contains(messagePart), error.getString("message"));
    }

    @Test
    void aPersonalLinksReportIsTheAccountsFootprintAndARetryCountsOnce() {
        String account = UUID.randomUUID().toString();
        String token = personal(lessonId, account, "Dana Serikova");
        Response r = post(token, RECORDING, report("watch-0001", 0, 0, 15_000, 30_000, 45_500));
        assertEquals(202, r.status(), r.body().toString());
        FootprintEvent e = sink.await(lessonId, FootprintVerb.RECORDING_WATCHED, account);
        assertEquals(r.json().getString("eventId"), e.eventId().toString());
        assertEquals(RECORDING, e.objectId());
        assertEquals("Dana Serikova", e.actor().name());
        assertFalse(e.actor().guest());
        assertEquals(FootprintRole.STUDENT, e.context().role());
        assertEquals(f.time.epochMillis(), e.timestamp());
        assertEquals(List.of(new WatchedRange(0, 15_000), new WatchedRange(30_000, 45_500)), e.result().watched());

        Response again = post(token, RECORDING, report("watch-0001", 0, 0, 15_000, 30_000, 45_500));
        assertEquals(202, again.status());
        assertEquals(r.json().getString("eventId"), again.json().getString("eventId"), "a retry is the same event");
        Response next = post(token, RECORDING, report("watch-0001", 1, 45_500, 60_000));
        assertNotEquals(r.json().getString("eventId"), next.json().getString("eventId"));
    }

    @Test
    void aGuestLinkIsItsOwnActorAndCannotTakeAnotherPersonsEvent() {
        String guest = tokens.issue(lessonId, Role.STUDENT, Duration.ofHours(1)).token();
        String jti = tokens.verify(guest).claims().tokenId();
        Response r = post(guest, RECORDING, report("watch-guest", 0, 1000, 2000));
        assertEquals(202, r.status(), r.body().toString());
        FootprintEvent e = sink.await(lessonId, FootprintVerb.RECORDING_WATCHED, "guest-" + jti);
        assertTrue(e.actor().guest());

        // The same watch id and sequence from another person is another event: nobody overwrites someone else's.
        String account = UUID.randomUUID().toString();
        Response other = post(personal(lessonId, account, "Bolat"), RECORDING, report("watch-guest", 0, 1000, 2000));
        assertEquals(202, other.status());
        assertNotEquals(r.json().getString("eventId"), other.json().getString("eventId"));
    }

    @Test
    void aReportNamingAnActorIsRefusedAndRecordsNothing() {
        String victim = UUID.randomUUID().toString();
        String attacker = UUID.randomUUID().toString();
        int before = sink.events().size();
        // Refused reports count toward the rate limit: a fresh link each time keeps this test about the refusal.
        for (String field : List.of("actor", "userId", "verb", "timestamp", "eventId", "lessonId")) {
            JsonObject forged = report("watch-forged", 0, 0, 1000).put(field, victim);
            refused(post(personal(lessonId, attacker, "Attacker"), RECORDING, forged), 400, "BAD_REQUEST", "'" + field + "'");
        }
        JsonObject nested = report("watch-forged", 0, 0, 1000).put("actor", new JsonObject().put("id", victim));
        refused(post(personal(lessonId, attacker, "Attacker"), RECORDING, nested), 400, "BAD_REQUEST", "taken from your link");
        assertEquals(before, sink.events().size(), "nothing recorded: " + sink.summary());
        assertTrue(sink.events().stream().noneMatch(e -> e.actor().id().equals(victim) || e.actor().id().equals(attacker)));
    }

    @Test
    void malformedReportsAreRefusedWithTheFieldNamed() {
        String account = UUID.randomUUID().toString();
        int before = sink.events().size();
        refused(post(personal(lessonId, account, "Aru"), RECORDING, "[1,2]", true), 400, "BAD_REQUEST", "JSON object");
        refused(post(personal(lessonId, account, "Aru"), RECORDING, "{not json", true), 400, "BAD_REQUEST", "JSON object");
        refused(post(personal(lessonId, account, "Aru"), RECORDING, report("short", 0, 0, 1000)), 400, "BAD_REQUEST", "watchId");
        refused(post(personal(lessonId, account, "Aru"), RECORDING, report("watch/../x", 0, 0, 1000)), 400, "BAD_REQUEST", "watchId");
        refused(post(personal(lessonId, account, "Aru"), RECORDING, report("watch-0002", -1, 0, 1000)), 400, "BAD_REQUEST", "seq");
        refused(post(personal(lessonId, account, "Aru"), RECORDING, report("watch-0002", 0, 0, 1000).put("seq", 1.5)), 400, "BAD_REQUEST", "seq");
        refused(post(personal(lessonId, account, "Aru"), RECORDING, report("watch-0002", 0)), 400, "BAD_REQUEST", "ranges");
        refused(post(personal(lessonId, account, "Aru"), RECORDING, report("watch-0002", 0, 5000, 5000)), 400, "BAD_REQUEST", "ranges[0]");
        refused(post(personal(lessonId, account, "Aru"), RECORDING, report("watch-0002", 0, 0, 1000, -5, 10)), 400, "BAD_REQUEST", "ranges[1]");
        refused(post(personal(lessonId, account, "Aru"), RECORDING, report("watch-0002", 0, 0, 1000).put("ranges",
                new JsonArray().add(new JsonObject().put("fromMs", "0").put("toMs", 10)))), 400, "BAD_REQUEST", "ranges[0]");
        refused(post(personal(lessonId, account, "Aru"), RECORDING, report("watch-0002", 0, 0, 1000).put("ranges",
                new JsonArray().add(new JsonObject().put("fromMs", 0).put("toMs", 10).put("by", "x")))), 400, "BAD_REQUEST", "ranges[0]");
        JsonArray tooMany = new JsonArray();
        for (int i = 0; i <= FootprintEvent.MAX_WATCHED_RANGES; i++) tooMany.add(new JsonObject().put("fromMs", i).put("toMs", i + 1));
        refused(post(personal(lessonId, account, "Aru"), RECORDING, report("watch-0002", 0).put("ranges", tooMany)), 400, "BAD_REQUEST", "ranges");
        refused(post(personal(lessonId, account, "Aru"), RECORDING, report("watch-0002", 0, 0, 603_000)), 400, "BAD_REQUEST", "past the recording's end");
        assertEquals(before, sink.events().size(), "nothing recorded: " + sink.summary());
        // Inside the end slack: the player's last frame.
        assertEquals(202, post(personal(lessonId, account, "Aru"), RECORDING, report("watch-0002", 0, 590_000, 601_500)).status());
    }

    @Test
    void onlyALinkOfThisLessonMayReportAReadyRecordingOfIt() {
        String account = UUID.randomUUID().toString();
        int before = sink.events().size();
        refused(post(null, RECORDING, report("watch-0003", 0, 0, 1000)), 401, "UNAUTHENTICATED", "Bearer");
        refused(post("not-a-token", RECORDING, report("watch-0003", 0, 0, 1000)), 403, "FORBIDDEN", "not valid");
        refused(post(personal(otherLessonId, account, "X"), RECORDING, report("watch-0003", 0, 0, 1000)), 403,
                "FORBIDDEN", "another lesson");
        String token = personal(lessonId, account, "X");
        refused(post(token, "rec-none", report("watch-0003", 0, 0, 1000)), 404, "NOT_FOUND", "no such recording");
        refused(post(token, "rec-busy-2", report("watch-0003", 0, 0, 1000)), 409, "NOT_READY", "cannot be played");
        refused(post(token, RECORDING, report("watch-0003", 0, 0, 1000).encode(), false), 403, "CSRF", "cross-site");
        assertEquals(before, sink.events().size(), "nothing recorded: " + sink.summary());
    }

    @Test
    void eachLinkMayReportOnlySoOftenPerMinute() {
        String account = UUID.randomUUID().toString();
        String token = personal(lessonId, account, "Fast");
        for (int i = 0; i < 5; i++) assertEquals(202, post(token, RECORDING, report("watch-rate", i, i, i + 1)).status());
        refused(post(token, RECORDING, report("watch-rate", 5, 5, 6)), 429, "RATE_LIMITED", "too many");
        String someoneElse = personal(lessonId, UUID.randomUUID().toString(), "Slow");
        assertEquals(202, post(someoneElse, RECORDING, report("watch-rate", 0, 0, 1)).status(), "other links are not limited");
        f.time.advance(Duration.ofSeconds(61));
        assertEquals(202, post(token, RECORDING, report("watch-rate", 5, 5, 6)).status(), "a new minute");
        assertEquals(6, sink.of(lessonId, FootprintVerb.RECORDING_WATCHED).stream()
                .filter(e -> e.actor().id().equals(account)).count());
    }
}
