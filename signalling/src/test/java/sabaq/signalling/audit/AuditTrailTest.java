package sabaq.signalling.audit;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.common.cassandra.CassandraExtension;
import sabaq.signalling.testing.Accounts;
import sabaq.signalling.testing.ApiClient;
import sabaq.signalling.testing.School;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance 4: a profile change made through the API is in the audit log with who, when, what and from where, and
 * the failed-access view lists a bad sign-in. Against Cassandra.
 */
@ExtendWith({CassandraExtension.class, VertxExtension.class})
class AuditTrailTest {
    private School s;

    @BeforeEach
    void start(Vertx vertx) {
        s = School.start(vertx, "");
    }

    @AfterEach
    void stop() {
        s.close();
    }

    private static JsonObject entry(JsonArray entries, String action) {
        return entries.stream().map(o -> (JsonObject) o).filter(e -> e.getString("action").equals(action)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " in " + entries.encodePrettily()));
    }

    @Test
    void aProfileChangeIsRecordedWithWhoWhenWhatAndWhere() {
        UUID admin = s.user("school-admin", null, Accounts.role("administrator", null));
        ApiClient adminClient = s.firstSignIn("school-admin").userAgent("Firefox/140 (school office)");
        UUID pupil = s.user("dana", new JsonObject().put("email", "dana@old.kz").put("birthDate", "2012-04-01"),
                Accounts.role("student", null));
        s.f.time.advance(Duration.ofMinutes(2));
        long changedAt = s.f.time.epochMillis();

        ApiClient.Response patch = adminClient.patch("/api/users/" + pupil, new JsonObject().put("displayName", "Дана Серікқызы")
                .put("email", "dana@new.kz"));
        assertEquals(200, patch.status(), patch::toString);

        String today = LocalDate.ofInstant(Instant.ofEpochMilli(changedAt), ZoneOffset.UTC).toString();
        ApiClient.Response audit = adminClient.get("/api/orgs/" + s.org + "/audit?user=" + pupil + "&from=" + today + "&to=" + today);
        assertEquals(200, audit.status(), audit::toString);
        JsonObject e = entry(audit.json().getJsonArray("entries"), "user.update");
        assertEquals(admin.toString(), e.getString("actorId"), "who");
        assertEquals("administrator", e.getString("actorRole"));
        assertEquals(changedAt, e.getLong("at"), "when");
        assertEquals("user", e.getString("targetType"));
        assertEquals(pupil.toString(), e.getString("subjectId"), "whose data");
        assertEquals("127.0.0.1", e.getString("ip"), "from where");
        assertEquals("Firefox/140 (school office)", e.getString("userAgent"));
        JsonArray changes = e.getJsonArray("changes");
        assertEquals(new JsonArray()
                .add(new JsonObject().put("field", "displayName").put("before", "User dana").put("after", "Дана Серікқызы"))
                .add(new JsonObject().put("field", "email").put("before", "dana@old.kz").put("after", "dana@new.kz")),
                changes, "what, before and after");

        JsonArray created = adminClient.get("/api/orgs/" + s.org + "/audit?user=" + pupil).json().getJsonArray("entries");
        JsonObject creation = entry(created, "user.create");
        assertTrue(creation.getJsonArray("changes").encode().contains("{\"field\":\"password\",\"redacted\":true}"),
                "the password is recorded as changed, never as a value");
        assertTrue(!creation.encode().contains("Initial-dana-1") && !creation.encode().contains("argon2"));

        ApiClient.Response yesterday = adminClient.get("/api/orgs/" + s.org + "/audit?user=" + pupil + "&from="
                + LocalDate.parse(today).minusDays(3) + "&to=" + LocalDate.parse(today).minusDays(1));
        assertTrue(yesterday.json().getJsonArray("entries").isEmpty(), "the period filter");
        ApiClient.Response byAdmin = adminClient.get("/api/orgs/" + s.org + "/audit?user=" + admin);
        assertTrue(byAdmin.json().getJsonArray("entries").stream().anyMatch(o -> ((JsonObject) o).getString("action").equals("user.update")));
    }

    @Test
    void theFailedAccessViewListsABadSignIn() {
        s.user("school-admin", null, Accounts.role("administrator", null));
        ApiClient adminClient = s.firstSignIn("school-admin");
        s.user("erlan", null, Accounts.role("teacher", null));
        ApiClient stranger = new ApiClient(s.f.port()).userAgent("curl/8.5");
        assertEquals("INVALID_CREDENTIALS", Accounts.password(stranger, "erlan", "guess-123456").code());

        ApiClient.Response view = adminClient.get("/api/orgs/" + s.org + "/failed-access");
        assertEquals(200, view.status(), view::toString);
        JsonObject a = view.json().getJsonArray("attempts").stream().map(o -> (JsonObject) o)
                .filter(x -> "bad-password".equals(x.getString("kind"))).findFirst().orElseThrow(() -> new AssertionError(view.body()));
        assertEquals("erlan", a.getString("login"));
        assertEquals("curl/8.5", a.getString("userAgent"));
        assertEquals("127.0.0.1", a.getString("ip"));
        assertEquals(s.f.time.epochMillis(), a.getLong("at"));
        assertNull(a.getString("password"));
        assertTrue(!view.body().contains("guess-123456"), "the tried password is never stored");

        ApiClient.Response audit = adminClient.get("/api/orgs/" + s.org + "/audit");
        assertEquals(200, audit.status());
    }
}
