package sabaq.launcher;

import com.typesafe.config.ConfigFactory;
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

import java.time.Duration;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance 2: signing in through the real web page in Chromium, with the real stack on Cassandra. The initial
 * administrator changes the initial password, enrols TOTP (the test computes codes from the key the page shows, like
 * an authenticator app), signs out, signs in again with password and code, and repeated wrong passwords lock the
 * account with the page saying so.
 */
@Tag("browser")
@ExtendWith(CassandraExtension.class)
class SignInBrowserTest {
    private static final Duration STEP = Duration.ofSeconds(20);
    private static final String INITIAL = "E2e-Initial-Pass-1";
    private static final String CHOSEN = "Чосен-Password-42";
    private static SabaqStack stack;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        ChromeBrowser.requireInstalled();
        stack = SabaqStack.start(ConfigFactory.parseString("sabaq.recorder.enabled = false\nsabaq.signalling.port = 0\nsabaq.media.port = 0\n"
                + "sabaq.signalling.auth.initial-admin { login = e2e-admin, password = \"" + INITIAL + "\" }\n"
                + "sabaq.signalling.auth.lockout.account-failures = 3\n" + E2eStore.config()), TimeSource.SYSTEM);
        base = "http://127.0.0.1:" + stack.httpPort() + "/";
    }

    @AfterAll
    static void stop() {
        if (stack != null) stack.close();
    }

    private static String stage(ChromeBrowser b) {
        return (String) b.js("return document.body.dataset.stage || ''");
    }

    private static void awaitStage(ChromeBrowser b, String stage) {
        Poll.until(STEP, () -> stage(b), stage::equals, "stage " + stage + " (error: " + error(b) + ", console: " + b.consoleLog() + ")");
    }

    private static String error(ChromeBrowser b) {
        return (String) b.js("const e = document.querySelector('#signin-error'); return e && !e.hidden ? e.textContent : ''");
    }

    private static void password(ChromeBrowser b, String login, String password) {
        b.type("#login", login);
        b.type("#password", password);
        b.click("#password-submit");
    }

    private static String code(String secret, int stepsAhead) {
        return Totp.code(Base32.decode(secret), Totp.step(System.currentTimeMillis()) + stepsAhead);
    }

    private static void awaitPage(ChromeBrowser b, String page) {
        Poll.until(STEP, b::url, u -> u.contains(page), "the " + page + " page (error: " + error(b) + ")");
        Poll.until(STEP, () -> (String) b.js("const n = document.querySelector('#account-name'); return n ? n.textContent : null"),
                Objects::nonNull, "the account bar");
    }

    @Test
    void passwordThenTotpThroughThePageAndLockoutAfterRepeatedFailures() {
        try (ChromeBrowser b = ChromeBrowser.launch("signin")) {
            b.open(base + "signin.html?lang=en");
            awaitStage(b, "password");
            password(b, "e2e-admin", INITIAL);
            awaitStage(b, "change-password");
            b.type("#new-password", CHOSEN);
            b.type("#repeat-password", CHOSEN + "x");
            b.click("#change-submit");
            Poll.until(STEP, () -> error(b), e -> e.contains("differ"), "the mismatch to be shown");
            b.type("#repeat-password", CHOSEN);
            b.click("#change-submit");
            awaitStage(b, "enrol-totp");

            String secret = (String) b.js("return document.querySelector('#totp-secret').dataset.secret");
            assertEquals(32, secret.length());
            String uri = (String) b.js("return document.querySelector('#totp-uri').getAttribute('href')");
            assertTrue(uri.startsWith("otpauth://totp/Sabaq:e2e-admin?secret=" + secret), uri);
            b.type("#enrol-code", code(secret, 0));
            b.click("#enrol-submit");
            awaitPage(b, "admin.html");
            Poll.until(STEP, () -> (Long) b.js("return document.querySelectorAll('#org-select option').length"), n -> n >= 1,
                    "the organisations");

            b.click("#sign-out");
            Poll.until(STEP, b::url, u -> u.contains("signin.html"), "the sign-in page after signing out");
            awaitStage(b, "password");
            password(b, "e2e-admin", CHOSEN);
            awaitStage(b, "totp");
            // One step ahead: always later than the step accepted at enrolment, and inside the window for a minute.
            String next = code(secret, 1);
            b.type("#totp-code", next);
            b.click("#totp-submit");
            awaitPage(b, "admin.html");

            b.click("#sign-out");
            awaitStage(b, "password");
            password(b, "e2e-admin", CHOSEN);
            awaitStage(b, "totp");
            b.type("#totp-code", next);
            b.click("#totp-submit");
            Poll.until(STEP, () -> error(b), e -> e.contains("already used"), "the replayed code to be refused");
            assertEquals("totp", stage(b));
            b.open(base + "signin.html?lang=en");
            awaitStage(b, "password");
            // The replayed code was the first failure; two wrong passwords make three, and the account is locked.
            for (int i = 1; i <= 2; i++) {
                password(b, "e2e-admin", "wrong-password-" + i);
                int attempt = i;
                Poll.until(STEP, () -> error(b), e -> e.contains("Wrong login or password"), "wrong password " + attempt);
                b.js("document.querySelector('#signin-error').hidden = true");
            }
            password(b, "e2e-admin", CHOSEN);
            String locked = Poll.until(STEP, () -> error(b), e -> e.contains("Too many failed attempts"), "the lock");
            assertTrue(locked.matches(".*Try again in \\d+ s\\..*"), locked);
            assertEquals("password", stage(b), "no second step while locked");
        }
    }
}
