package sabaq.signalling.auth.oidc;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.common.cassandra.CassandraExtension;
import sabaq.signalling.account.Organisation;
import sabaq.signalling.testing.Accounts;
import sabaq.signalling.testing.ApiClient;
import sabaq.signalling.testing.School;
import sabaq.signalling.testing.TestCassandra;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance 3: single sign-on with OpenID Connect (authorization code + PKCE) against a real provider started by the
 * test, NAV's mock-oauth2-server (discovery, JWKS, RS256 ID tokens, PKCE checked at its token endpoint), on
 * Cassandra. The browser is played by an HTTP client that follows the redirects by hand.
 */
@ExtendWith({CassandraExtension.class, VertxExtension.class})
class OidcSignInTest {
    static final UUID ORG = UUID.fromString("5a6b7c8d-0000-4000-8000-00000000a1b2");
    static MockOAuth2Server idp;
    private School s;

    @BeforeAll
    static void provider() {
        idp = new MockOAuth2Server();
        idp.start();
    }

    @AfterAll
    static void stopProvider() {
        idp.shutdown();
    }

    @BeforeEach
    void start(Vertx vertx) {
        String issuer = idp.issuerUrl("school").toString().replaceAll("/+$", "");
        s = School.start(vertx, "auth.oidc.providers = [{ id = school, display-name = \"School account\", issuer = \""
                + issuer + "\", client-id = sabaq, client-secret = s3cret, org-id = \"" + ORG + "\", match-email = true }]", true);
        TestCassandra.repositories().directory().saveOrganisation(new Organisation(ORG, "Gymnasium 7", 0)).await();
    }

    @AfterEach
    void stop() {
        s.close();
    }

    private static void identity(String subject, Map<String, Object> claims) {
        idp.enqueueCallback(new DefaultOAuth2TokenCallback("school", subject, "JWT", List.of("sabaq"), claims, 3600));
    }

    /** start → provider → callback; returns the callback answer (a redirect). */
    private static ApiClient.Response signIn(ApiClient browser) {
        ApiClient.Response start = browser.get("/api/auth/oidc/school/start?return=/my-lessons.html");
        assertEquals(302, start.status(), start::toString);
        String authorize = start.header("Location");
        assertTrue(authorize.contains("code_challenge_method=S256") && authorize.contains("nonce=") && authorize.contains("state="), authorize);
        ApiClient.Response atProvider = browser.send("GET", authorize, null, null, false);
        assertEquals(302, atProvider.status(), atProvider::toString);
        URI back = URI.create(atProvider.header("Location"));
        return browser.get(back.getRawPath() + "?" + back.getRawQuery());
    }

    @Test
    void anAccountIsMatchedByVerifiedEmailLinkedAndThenFoundBySubject() {
        UUID dana = UUID.fromString(s.root.post("/api/orgs/" + ORG + "/users", new JsonObject().put("login", "dana")
                .put("displayName", "Dana").put("email", "dana@gym7.kz")
                .put("roles", new io.vertx.core.json.JsonArray().add(Accounts.role("student", null)))).json().getString("id"));
        ApiClient browser = new ApiClient(s.f.port());
        identity("idp-subject-42", Map.of("email", "dana@gym7.kz", "email_verified", true));
        ApiClient.Response done = signIn(browser);
        assertEquals(302, done.status());
        assertEquals("/my-lessons.html", done.header("Location"));
        JsonObject me = browser.get("/api/me").json();
        assertEquals(dana.toString(), me.getString("id"));
        assertTrue(me.getBoolean("oidcLinked"));

        ApiClient second = new ApiClient(s.f.port());
        identity("idp-subject-42", Map.of("email", "changed@elsewhere.kz", "email_verified", true));
        signIn(second);
        assertEquals(dana.toString(), second.get("/api/me").json().getString("id"), "found by (issuer, subject) now");

        String audit = s.root.get("/api/orgs/" + ORG + "/audit?user=" + dana).body();
        assertTrue(audit.contains("oidc.link") && audit.contains("idp-subject-42"), audit);
        assertTrue(audit.contains("\"method\"") && audit.contains("oidc:school"), audit);
    }

    @Test
    void unknownOrUnverifiedIdentitiesGetNoAccount() {
        s.root.post("/api/orgs/" + ORG + "/users", new JsonObject().put("login", "erlan").put("displayName", "Erlan")
                .put("email", "erlan@gym7.kz"));
        identity("stranger", Map.of("email", "nobody@gym7.kz", "email_verified", true));
        ApiClient a = new ApiClient(s.f.port());
        assertEquals("/signin.html#error=OIDC_NO_ACCOUNT", signIn(a).header("Location"));
        assertEquals(401, a.get("/api/me").status());

        identity("spoofer", Map.of("email", "erlan@gym7.kz", "email_verified", false));
        ApiClient b = new ApiClient(s.f.port());
        assertEquals("/signin.html#error=OIDC_NO_ACCOUNT", signIn(b).header("Location"), "an unverified e-mail is not matched");
        String failed = s.root.get("/api/orgs/" + ORG + "/failed-access").body();
        assertTrue(failed.contains("oidc-no-account") && failed.contains("spoofer"), failed);
    }

    @Test
    void aStateWorksOnceAndOnlyInTheBrowserThatStartedIt() {
        s.root.post("/api/orgs/" + ORG + "/users", new JsonObject().put("login", "aruzhan").put("displayName", "Aruzhan")
                .put("email", "aruzhan@gym7.kz"));
        identity("sub-aruzhan", Map.of("email", "aruzhan@gym7.kz", "email_verified", true));
        ApiClient victim = new ApiClient(s.f.port());
        ApiClient.Response start = victim.get("/api/auth/oidc/school/start");
        ApiClient.Response atProvider = victim.send("GET", start.header("Location"), null, null, false);
        URI back = URI.create(atProvider.header("Location"));
        String callback = back.getRawPath() + "?" + back.getRawQuery();

        ApiClient attacker = new ApiClient(s.f.port());
        assertEquals("/signin.html#error=OIDC_FAILED", attacker.get(callback).header("Location"), "no binding cookie");
        assertEquals(401, attacker.get("/api/me").status());
        assertEquals("/my-lessons.html", victim.get(callback).header("Location"), "the attacker did not use the state up");
        assertEquals(200, victim.get("/api/me").status());
        ApiClient.Response again = victim.get(callback);
        assertEquals("/signin.html#error=OIDC_FAILED", again.header("Location"), "each state works once");
        assertEquals("/signin.html#error=OIDC_UNKNOWN_PROVIDER", victim.get("/api/auth/oidc/nope/start").header("Location"));
        assertTrue(s.root.get("/api/orgs/" + Organisation.PLATFORM + "/failed-access").body().contains("oidc-failed"));
    }
}
