package sabaq.signalling.auth;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.common.cassandra.CassandraExtension;
import sabaq.signalling.account.Organisation;
import sabaq.signalling.testing.Accounts;
import sabaq.signalling.testing.ApiClient;
import sabaq.signalling.testing.SignallingFixture;
import sabaq.signalling.testing.TestCassandra;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing in over HTTP against Cassandra: first sign-in, TOTP, replay, lockout, forged tokens, refresh, CSRF. */
@ExtendWith({CassandraExtension.class, VertxExtension.class})
class SignInFlowTest {
    static final String INITIAL = "Initial-Passw0rd";
    static final String PASSWORD = "Correct horse 42";
    static final String PLATFORM = Organisation.PLATFORM.toString();
    private SignallingFixture f;

    @BeforeEach
    void start(Vertx vertx) {
        TestCassandra.truncateAll();
        f = SignallingFixture.start(vertx, "auth.initial-admin { login = admin, password = \"" + INITIAL + "\" }\n"
                + "auth.lockout { account-failures = 3, address-failures = 8, first-lock = 1 minute, max-lock = 1 hour }",
                TestCassandra.repositories());
    }

    @AfterEach
    void stop() {
        f.stop();
    }

    private ApiClient client() {
        return new ApiClient(f.port());
    }

    /** Signs the administrator in for the first time; returns the TOTP key. */
    private String firstAdminSignIn(ApiClient c) {
        return Accounts.firstSignIn(c, f.time, "admin", INITIAL, PASSWORD);
    }

    private List<String> failedKinds(ApiClient admin, String org) {
        ApiClient.Response r = admin.get("/api/orgs/" + org + "/failed-access");
        assertEquals(200, r.status(), r::toString);
        return r.json().getJsonArray("attempts").stream().map(o -> ((JsonObject) o).getString("kind")).collect(Collectors.toList());
    }

    @Test
    void firstSignInChangesTheInitialPasswordAndEnrolsTotpThenCodesWorkOnce() {
        ApiClient c = client();
        assertEquals(401, c.get("/api/me").status());
        String secret = firstAdminSignIn(c);
        assertEquals(32, secret.length(), "160-bit key in base32");
        ApiClient.Response me = c.get("/api/me");
        assertEquals(200, me.status(), me::toString);
        assertEquals("admin", me.json().getString("login"));
        assertTrue(me.json().getBoolean("platformAdmin"));
        assertTrue(me.json().getBoolean("totpEnrolled"));
        assertEquals(false, me.json().getBoolean("mustChangePassword"));
        assertEquals("INVALID_CREDENTIALS", Accounts.password(client(), "admin", INITIAL).code(), "the initial password is gone");

        assertEquals(204, c.post("/api/auth/sign-out", null).status());
        assertEquals(401, c.get("/api/me").status());

        ApiClient second = client();
        assertEquals("totp", Accounts.password(second, "admin", PASSWORD).json().getString("next"));
        assertEquals(401, second.get("/api/me").status(), "no session before the code");
        String code = Accounts.code(secret, f.time, 1);
        ApiClient.Response wrong = second.post("/api/auth/totp", new JsonObject().put("code", "000000".equals(code) ? "111111" : "000000"));
        assertEquals("TOTP_INVALID", wrong.code());
        assertEquals(200, second.post("/api/auth/totp", new JsonObject().put("code", code)).status());
        assertEquals(200, second.get("/api/me").status());

        ApiClient replay = client();
        Accounts.password(replay, "admin", PASSWORD);
        ApiClient.Response again = replay.post("/api/auth/totp", new JsonObject().put("code", code));
        assertEquals(401, again.status());
        assertEquals("TOTP_REPLAYED", again.code());
        ApiClient.Response older = replay.post("/api/auth/totp", new JsonObject().put("code", Accounts.code(secret, f.time, 0)));
        assertEquals("TOTP_REPLAYED", older.code(), "a code older than the last accepted one");
        f.time.advance(Duration.ofMinutes(3));
        ApiClient.Response expired = replay.post("/api/auth/totp", new JsonObject().put("code", Accounts.code(secret, f.time, -3)));
        assertEquals(401, expired.status());

        List<String> kinds = failedKinds(second, PLATFORM);
        assertTrue(kinds.contains("bad-totp"), kinds.toString());
        assertTrue(kinds.contains("totp-replay"), kinds.toString());
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountWithBackOff() {
        ApiClient admin = client();
        String secret = firstAdminSignIn(admin);
        ApiClient attacker = client().userAgent("Attacker/1.0");
        for (int i = 0; i < 3; i++) assertEquals("INVALID_CREDENTIALS", Accounts.password(attacker, "admin", "wrong-" + i).code());
        ApiClient.Response locked = Accounts.password(attacker, "admin", PASSWORD);
        assertEquals(429, locked.status(), "even the right password is refused while locked");
        assertEquals("LOCKED", locked.code());
        assertEquals(60, locked.json().getJsonObject("error").getInteger("retryAfter"));
        assertEquals("60", locked.header("Retry-After"));

        f.time.advance(Duration.ofSeconds(61));
        assertEquals("INVALID_CREDENTIALS", Accounts.password(attacker, "admin", "wrong-again").code());
        ApiClient.Response doubled = Accounts.password(attacker, "admin", PASSWORD);
        assertEquals(120, doubled.json().getJsonObject("error").getInteger("retryAfter"), "the fourth failure doubles the lock");

        f.time.advance(Duration.ofSeconds(121));
        ApiClient later = client();
        Accounts.signIn(later, f.time, "admin", PASSWORD, secret, 1);
        List<String> kinds = failedKinds(later, PLATFORM);
        assertEquals(4, kinds.stream().filter("bad-password"::equals).count(), kinds.toString());
        assertEquals(2, kinds.stream().filter("locked"::equals).count(), kinds.toString());
        JsonObject attempt = later.get("/api/orgs/" + PLATFORM + "/failed-access").json().getJsonArray("attempts").getJsonObject(0);
        assertEquals("Attacker/1.0", attempt.getString("userAgent"));
        assertEquals("127.0.0.1", attempt.getString("ip"));
        assertEquals("admin", attempt.getString("login"));
    }

    /** Knowing the password must not give unlimited code guesses: the password step does not reset the count. */
    @Test
    void wrongTotpCodesCountTowardTheLock() {
        ApiClient admin = client();
        String secret = firstAdminSignIn(admin);
        ApiClient c = client();
        for (int i = 0; i < 3; i++) {
            Accounts.password(c, "admin", PASSWORD);
            assertEquals("TOTP_INVALID", c.post("/api/auth/totp", new JsonObject().put("code", "12345x".substring(0, 5) + i)).code());
        }
        Accounts.password(c, "admin", PASSWORD);
        assertEquals("LOCKED", c.post("/api/auth/totp", new JsonObject().put("code", Accounts.code(secret, f.time, 1))).code());
    }

    @Test
    void oneAddressTryingManyLoginsIsLocked() {
        firstAdminSignIn(client());
        ApiClient c = client();
        for (int i = 0; i < 8; i++) assertEquals("INVALID_CREDENTIALS", Accounts.password(c, "nobody" + i, "whatever-123").code());
        ApiClient.Response r = Accounts.password(c, "admin", PASSWORD);
        assertEquals("LOCKED", r.code());
        assertEquals("address", r.json().getJsonObject("error").getString("scope"));
    }

    @Test
    void forgedAndExpiredTokensAreRefusedAndLogged() {
        ApiClient admin = client();
        String secret = firstAdminSignIn(admin);
        String access = admin.cookie("sabaq_access");
        assertNotNull(access);

        ApiClient forger = client();
        String[] parts = access.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("\"exp\":\\d+", "\"exp\":9999999999");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        forger.setCookie("sabaq_access", tampered, "/");
        assertEquals("UNAUTHENTICATED", forger.get("/api/me").code());
        forger.setCookie("sabaq_access", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "/");
        assertEquals(401, forger.get("/api/me").status());
        forger.setCookie("sabaq_signin", access, "/api/auth");
        assertEquals("SIGN_IN_EXPIRED", forger.post("/api/auth/totp", new JsonObject().put("code", "123456")).code(),
                "an access token is no sign-in ticket");

        f.time.advance(Duration.ofMinutes(6));
        assertEquals("SESSION_EXPIRED", admin.get("/api/me").code());
        assertEquals(204, admin.post("/api/auth/refresh", null).status());
        assertEquals(200, admin.get("/api/me").status());

        List<String> kinds = failedKinds(admin, PLATFORM);
        assertEquals(3, kinds.stream().filter("forged-token"::equals).count(), kinds.toString());
        assertNotNull(secret);
    }

    @Test
    void refreshTokensRotateAndAReusedOneEndsTheSession() {
        ApiClient c = client();
        firstAdminSignIn(c);
        String first = c.cookie("sabaq_refresh");
        assertEquals(204, c.post("/api/auth/refresh", null).status());
        String second = c.cookie("sabaq_refresh");
        assertNotEquals(first, second);

        ApiClient thief = client();
        thief.setCookie("sabaq_refresh", first, "/api/auth");
        assertEquals(401, thief.post("/api/auth/refresh", null).status());
        assertEquals(401, c.get("/api/me").status(), "the whole session is revoked");
        assertEquals(401, c.post("/api/auth/refresh", null).status());
    }

    @Test
    void stateChangesNeedTheSameOriginProof() {
        ApiClient c = client();
        firstAdminSignIn(c);
        ApiClient.Response noHeader = c.send("POST", "/api/orgs", new JsonObject().put("name", "X").encode(),
                "application/json", false);
        assertEquals(403, noHeader.status());
        assertEquals("CSRF", noHeader.code());
        ApiClient.Response foreign = c.send("POST", "/api/orgs", new JsonObject().put("name", "X").encode(),
                "application/json", true, "Origin", "https://evil.example");
        assertEquals("CSRF", foreign.code());
        ApiClient.Response same = c.send("POST", "/api/orgs", new JsonObject().put("name", "Мектеп").encode(),
                "application/json", true, "Origin", "http://127.0.0.1:" + f.port());
        assertEquals(201, same.status(), same::toString);
        assertEquals(1, c.get("/api/orgs").json().getJsonArray("organisations").stream()
                .filter(o -> ((JsonObject) o).getString("name").equals("Мектеп")).count(), "only the allowed request created one");
    }

    @Test
    void aDisabledAccountLosesItsSessionAndCannotSignIn() {
        ApiClient admin = client();
        firstAdminSignIn(admin);
        String org = admin.post("/api/orgs", new JsonObject().put("name", "School")).json().getString("id");
        JsonObject user = Accounts.createUser(admin, java.util.UUID.fromString(org), "aigerim", "Aigerim-Initial-1",
                new JsonArray().add(Accounts.role("director", null)));
        ApiClient director = client();
        Accounts.firstSignIn(director, f.time, "aigerim", "Aigerim-Initial-1", "Aigerim-Chosen-1");
        assertEquals(200, director.get("/api/me").status());

        ApiClient.Response disabled = admin.patch("/api/users/" + user.getString("id"), new JsonObject().put("status", "disabled"));
        assertEquals(200, disabled.status(), disabled::toString);
        assertEquals(401, director.get("/api/me").status());
        ApiClient.Response again = Accounts.password(client(), "aigerim", "Aigerim-Chosen-1");
        assertEquals(403, again.status());
        assertEquals("ACCOUNT_DISABLED", again.code());
        assertEquals("INVALID_CREDENTIALS", Accounts.password(client(), "aigerim", "wrong-password").code(),
                "without the right password a disabled account looks like any other");
    }
}
