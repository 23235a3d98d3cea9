package sabaq.launcher;

import com.typesafe.config.ConfigFactory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.common.cassandra.CassandraExtension;
import sabaq.common.test.Poll;
import sabaq.common.time.TimeSource;
import sabaq.launcher.SabaqMain.SabaqStack;
import sabaq.launcher.browser.ChromeBrowser;
import sabaq.signalling.auth.Base32;
import sabaq.signalling.auth.Totp;
import sabaq.signalling.testing.Accounts;
import sabaq.signalling.testing.ApiClient;

import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance 2 (MFA consent) in Chromium: a parent signs in through the pages, switches the authenticator code off on
 * the parent page for their child under 16 (not possible for the 16-year-old), and the child then signs in with the
 * password only; the consent is in the audit log. The school is set up through the API.
 */
@Tag("browser")
@ExtendWith(CassandraExtension.class)
class ParentConsentBrowserTest {
    private static final Duration STEP = Duration.ofSeconds(20);
    private static final String CHOSEN = "Parent-Chosen-42";
    private static SabaqStack stack;
    private static String base;
    private static ApiClient admin;
    private static UUID org;
    private static UUID child;
    private static UUID teen;

    @BeforeAll
    static void start() throws Exception {
        ChromeBrowser.requireInstalled();
        stack = SabaqStack.start(ConfigFactory.parseString("sabaq.recorder.enabled = false\nsabaq.signalling.port = 0\nsabaq.media.port = 0\n"
                + "sabaq.signalling.auth.initial-admin { login = consent-admin, password = \"Consent-Initial-1\" }\n"
                + E2eStore.config()), TimeSource.SYSTEM);
        base = "http://127.0.0.1:" + stack.httpPort() + "/";
        admin = new ApiClient(stack.httpPort());
        Accounts.firstSignIn(admin, TimeSource.SYSTEM, "consent-admin", "Consent-Initial-1", "Consent-Chosen-1");
        org = UUID.fromString(admin.post("/api/orgs", new JsonObject().put("name", "Мектеп 12")).json().getString("id"));
        UUID parent = user("parent-12", null, "parent");
        child = user("child-12", "2015-03-01", "student");
        teen = user("teen-12", "2000-01-01", "student");
        for (UUID kid : new UUID[] {child, teen}) {
            assertEquals(200, admin.post("/api/users/" + parent + "/children", new JsonObject().put("childId", kid.toString())).status());
        }
    }

    private static UUID user(String login, String birthDate, String role) {
        JsonObject body = new JsonObject().put("login", login).put("displayName", "Name " + login)
                .put("password", "Initial-" + login).put("roles", new JsonArray().add(Accounts.role(role, null)));
        if (birthDate != null) body.put("birthDate", birthDate);
        ApiClient.Response r = admin.post("/api/orgs/" + org + "/users", body);
        assertEquals(201, r.status(), r::toString);
        return UUID.fromString(r.json().getString("id"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) stack.close();
    }

    private static void awaitStage(ChromeBrowser b, String stage) {
        Poll.until(STEP, () -> (String) b.js("return document.body.dataset.stage || ''"), stage::equals,
                "stage " + stage + " (console: " + b.consoleLog() + ")");
    }

    /** The first sign-in through the page; enrols TOTP when asked. */
    private static void firstSignIn(ChromeBrowser b, String login, boolean expectTotp) {
        b.open(base + "signin.html?lang=ru");
        awaitStage(b, "password");
        b.type("#login", login);
        b.type("#password", "Initial-" + login);
        b.click("#password-submit");
        awaitStage(b, "change-password");
        b.type("#new-password", CHOSEN);
        b.type("#repeat-password", CHOSEN);
        b.click("#change-submit");
        if (expectTotp) {
            awaitStage(b, "enrol-totp");
            String secret = (String) b.js("return document.querySelector('#totp-secret').dataset.secret");
            b.type("#enrol-code", Totp.code(Base32.decode(secret), Totp.step(System.currentTimeMillis())));
            b.click("#enrol-submit");
        }
    }

    private static boolean checkbox(ChromeBrowser b, UUID kid, String property) {
        return Boolean.TRUE.equals(b.js("const c = document.querySelector('[data-child-id=\"' + arguments[0] + '\"] input[type=checkbox]');"
                + "return c ? c[arguments[1]] : null", kid.toString(), property));
    }

    @Test
    void aParentSwitchesTheCodeOffForAChildUnder16AndTheChildSignsInWithThePasswordOnly() {
        try (ChromeBrowser parentBrowser = ChromeBrowser.launch("parent")) {
            firstSignIn(parentBrowser, "parent-12", true);
            Poll.until(STEP, parentBrowser::url, u -> u.contains("parent.html"), "the parent page");
            Poll.until(STEP, () -> (Long) parentBrowser.js("return document.querySelectorAll('#child-list [data-child-id]').length"),
                    n -> n == 2, "both children listed");
            assertTrue(checkbox(parentBrowser, teen, "disabled"), "no consent for a 16-year-old");
            assertTrue(!checkbox(parentBrowser, child, "disabled") && !checkbox(parentBrowser, child, "checked"));
            parentBrowser.click("[data-child-id=\"" + child + "\"] input[type=checkbox]");
            Poll.until(STEP, () -> checkbox(parentBrowser, child, "checked") && !checkbox(parentBrowser, child, "disabled"),
                    "the consent to be saved");
        }
        String audit = admin.get("/api/orgs/" + org + "/audit?user=" + child).body();
        assertTrue(audit.contains("\"action\":\"mfa.consent\"") && audit.contains("\"actorRole\":\"parent\""), audit);

        try (ChromeBrowser childBrowser = ChromeBrowser.launch("child")) {
            firstSignIn(childBrowser, "child-12", false);
            Poll.until(STEP, childBrowser::url, u -> u.contains("my-lessons.html"), "my lessons without a code");
            Poll.until(STEP, () -> (String) childBrowser.js("const n = document.querySelector('#account-name'); return n && n.textContent"),
                    "Name child-12"::equals, "the child's name in the account bar");
        }
        try (ChromeBrowser teenBrowser = ChromeBrowser.launch("teen")) {
            firstSignIn(teenBrowser, "teen-12", true);
            Poll.until(STEP, teenBrowser::url, u -> u.contains("my-lessons.html"), "the teen signed in with a code");
        }
    }
}
