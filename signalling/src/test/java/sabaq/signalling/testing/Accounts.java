package sabaq.signalling.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import sabaq.common.time.TimeSource;
import sabaq.signalling.auth.Base32;
import sabaq.signalling.auth.Totp;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Test steps over the accounts API: signing in through every stage, creating users, computing TOTP codes. */
public final class Accounts {
    private Accounts() {
    }

    /** The TOTP code of a base32 key at a time, {@code stepsAhead} steps later (still inside the accepted window). */
    public static String code(String base32Secret, TimeSource time, int stepsAhead) {
        return Totp.code(Base32.decode(base32Secret), Totp.step(time.epochMillis()) + stepsAhead);
    }

    /** The password step; returns the answer. */
    public static ApiClient.Response password(ApiClient c, String login, String password) {
        return c.post("/api/auth/sign-in", new JsonObject().put("login", login).put("password", password));
    }

    /**
     * The first sign-in of an account with an initial password: change it to {@code newPassword}, then enrol TOTP when
     * asked. Returns the base32 TOTP key (null when the second factor was not asked for).
     */
    public static String firstSignIn(ApiClient c, TimeSource time, String login, String initial, String newPassword) {
        ApiClient.Response r = password(c, login, initial);
        assertEquals(200, r.status(), r::toString);
        assertEquals("change-password", r.json().getString("next"), r::toString);
        r = c.post("/api/auth/password", new JsonObject().put("password", newPassword));
        assertEquals(200, r.status(), r::toString);
        String next = r.json().getString("next");
        if (next.equals("done")) return null;
        assertEquals("enrol-totp", next);
        ApiClient.Response enrol = c.post("/api/auth/totp/enrol", null);
        assertEquals(200, enrol.status(), enrol::toString);
        String secret = enrol.json().getString("secret");
        r = c.post("/api/auth/totp/confirm", new JsonObject().put("code", code(secret, time, 0)));
        assertEquals(200, r.status(), r::toString);
        assertEquals("done", r.json().getString("next"));
        return secret;
    }

    /** A later sign-in with password and (when {@code secret} is given) a TOTP code one step ahead. */
    public static void signIn(ApiClient c, TimeSource time, String login, String password, String secret, int stepsAhead) {
        ApiClient.Response r = password(c, login, password);
        assertEquals(200, r.status(), r::toString);
        if (secret == null) {
            assertEquals("done", r.json().getString("next"));
            return;
        }
        assertEquals("totp", r.json().getString("next"), r::toString);
        r = c.post("/api/auth/totp", new JsonObject().put("code", code(secret, time, stepsAhead)));
        assertEquals(200, r.status(), r::toString);
        assertEquals("done", r.json().getString("next"));
    }

    /** Creates a user in an organisation (as the signed-in administrator {@code admin}); returns the answer JSON. */
    public static JsonObject createUser(ApiClient admin, UUID org, String login, String password, JsonArray roles) {
        JsonObject body = new JsonObject().put("login", login).put("displayName", "User " + login).put("password", password);
        if (roles != null) body.put("roles", roles);
        ApiClient.Response r = admin.post("/api/orgs/" + org + "/users", body);
        assertEquals(201, r.status(), r::toString);
        return r.json();
    }

    public static JsonObject role(String role, UUID group) {
        JsonObject o = new JsonObject().put("role", role);
        if (group != null) o.put("groupId", group.toString());
        return o;
    }
}
