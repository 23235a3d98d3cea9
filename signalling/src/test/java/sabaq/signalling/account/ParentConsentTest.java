package sabaq.signalling.account;

import io.vertx.core.Vertx;
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
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance 2 (part): the second factor is switched off for a student under 16 only with the consent of a linked
 * parent, the consent is audited, refused for 16 and over, and it lapses at the 16th birthday. The server's clock
 * starts on 2023-11-14.
 */
@ExtendWith({CassandraExtension.class, VertxExtension.class})
class ParentConsentTest {
    private School s;
    private UUID parent;
    private UUID child;
    private UUID teen;
    private UUID undated;
    private UUID stranger;
    private ApiClient parentClient;

    @BeforeEach
    void start(Vertx vertx) {
        s = School.start(vertx, "");
        UUID g = s.group("5A");
        parent = s.user("parent", null, Accounts.role("parent", null));
        child = s.user("child", new JsonObject().put("birthDate", "2012-01-01"), Accounts.role("student", g));
        teen = s.user("teen", new JsonObject().put("birthDate", "2007-11-14"), Accounts.role("student", g));
        undated = s.user("undated", null, Accounts.role("student", g));
        stranger = s.user("stranger", new JsonObject().put("birthDate", "2013-01-01"), Accounts.role("student", g));
        for (UUID c : new UUID[] {child, teen, undated}) {
            assertEquals(200, s.root.post("/api/users/" + parent + "/children", new JsonObject().put("childId", c.toString())).status());
        }
        parentClient = s.firstSignIn("parent");
    }

    @AfterEach
    void stop() {
        s.close();
    }

    private ApiClient.Response consent(ApiClient c, UUID kid, boolean required) {
        return c.post("/api/me/children/" + kid + "/mfa", new JsonObject().put("required", required));
    }

    @Test
    void aParentSwitchesTheSecondFactorOffForAChildUnder16AndItIsAudited() {
        ApiClient.Response children = parentClient.get("/api/me/children");
        assertEquals(200, children.status(), children::toString);
        assertEquals(3, children.json().getJsonArray("children").size());

        ApiClient.Response r = consent(parentClient, child, false);
        assertEquals(200, r.status(), r::toString);
        assertTrue(r.json().getBoolean("mfaWaived"));
        assertEquals(false, r.json().getBoolean("mfaRequired"));

        ApiClient childClient = new ApiClient(s.f.port());
        assertNull(Accounts.firstSignIn(childClient, s.f.time, "child", "Initial-child-1", School.PASSWORD),
                "signed in without a TOTP code");
        assertEquals(200, childClient.get("/api/me").status());

        JsonObject entry = s.root.get("/api/orgs/" + s.org + "/audit?user=" + child).json().getJsonArray("entries").stream()
                .map(o -> (JsonObject) o).filter(e -> e.getString("action").equals("mfa.consent")).findFirst().orElseThrow();
        assertEquals(parent.toString(), entry.getString("actorId"), "the parent gave the consent");
        assertEquals("parent", entry.getString("actorRole"));
        assertTrue(entry.getJsonArray("changes").encode().contains("\"field\":\"mfaWaivedBy\",\"before\":null,\"after\":\"" + parent + "\""));
    }

    @Test
    void refusedFor16AndOverWithoutABirthDateAndForOtherPeoplesChildren() {
        ApiClient.Response teenAnswer = consent(parentClient, teen, false);
        assertEquals(409, teenAnswer.status(), "16 today");
        assertEquals("CONSENT_REFUSED", teenAnswer.code());
        assertEquals("age", teenAnswer.json().getJsonObject("error").getString("reason"));
        assertEquals("no-birth-date", consent(parentClient, undated, false).json().getJsonObject("error").getString("reason"));

        ApiClient.Response notTheirs = consent(parentClient, stranger, false);
        assertEquals(403, notTheirs.status());
        assertTrue(s.root.get("/api/orgs/" + s.org + "/failed-access").body().contains("not their child"));

        s.user("teacher", null, Accounts.role("teacher", null));
        ApiClient teacher = s.firstSignIn("teacher");
        assertEquals(403, consent(teacher, child, false).status(), "only parents");

        ApiClient teenClient = new ApiClient(s.f.port());
        Accounts.password(teenClient, "teen", "Initial-teen-1");
        assertEquals("enrol-totp", teenClient.post("/api/auth/password", new JsonObject().put("password", School.PASSWORD))
                .json().getString("next"), "the teen still needs the second factor");
        assertTrue(s.root.get("/api/orgs/" + s.org + "/audit?user=" + teen).json().getJsonArray("entries").stream()
                .noneMatch(e -> ((JsonObject) e).getString("action").equals("mfa.consent")));
    }

    @Test
    void theConsentLapsesAt16AndCanBeWithdrawn() {
        assertEquals(200, consent(parentClient, child, false).status());
        assertNull(Accounts.firstSignIn(new ApiClient(s.f.port()), s.f.time, "child", "Initial-child-1", School.PASSWORD));

        assertEquals(200, consent(parentClient, child, true).status(), "withdrawn");
        assertEquals("enrol-totp", Accounts.password(new ApiClient(s.f.port()), "child", School.PASSWORD).json().getString("next"));

        assertEquals(200, consent(parentClient, child, false).status());
        assertEquals("done", Accounts.password(new ApiClient(s.f.port()), "child", School.PASSWORD).json().getString("next"));
        s.f.time.advance(Duration.ofDays(1510));
        assertEquals("enrol-totp", Accounts.password(new ApiClient(s.f.port()), "child", School.PASSWORD).json().getString("next"),
                "from the 16th birthday (2028-01-01) the code is asked for again");
    }
}
