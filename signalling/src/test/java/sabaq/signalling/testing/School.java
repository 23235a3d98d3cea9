package sabaq.signalling.testing;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A server on the test Cassandra (emptied first) with a signed-in platform administrator ({@code root}) and one
 * school; helpers create groups and users and sign them in through the real API. Users get the initial password
 * {@code Initial-<login>-1}, and choose {@link #PASSWORD} at their first sign-in.
 */
public final class School implements AutoCloseable {
    public static final String PASSWORD = "Chosen-Password-1";
    public final SignallingFixture f;
    public final ApiClient root;
    public final UUID org;
    private final Map<String, String> totpSecrets = new HashMap<>();

    private School(SignallingFixture f, boolean realTime) {
        this.f = f;
        if (realTime) f.time.advance(java.time.Duration.ofMillis(System.currentTimeMillis() - f.time.epochMillis()));
        this.root = new ApiClient(f.port());
        totpSecrets.put("root", Accounts.firstSignIn(root, f.time, "root", "Root-Initial-1", PASSWORD));
        ApiClient.Response r = root.post("/api/orgs", new JsonObject().put("name", "Мектеп №1"));
        assertEquals(201, r.status(), r::toString);
        this.org = UUID.fromString(r.json().getString("id"));
    }

    /** {@code overrides}: HOCON inside {@code sabaq.signalling { }}. */
    public static School start(Vertx vertx, String overrides) {
        return start(vertx, overrides, false);
    }

    /**
     * With {@code realTime} the server's (fake) clock is first moved to the real time, for tests that meet tokens
     * signed by other parties' clocks (an OpenID Connect provider).
     */
    public static School start(Vertx vertx, String overrides, boolean realTime) {
        TestCassandra.truncateAll();
        return new School(SignallingFixture.start(vertx, "auth.initial-admin { login = root, password = \"Root-Initial-1\" }\n"
                + overrides, TestCassandra.repositories()), realTime);
    }

    public UUID group(String name) {
        ApiClient.Response r = root.post("/api/orgs/" + org + "/groups", new JsonObject().put("name", name));
        assertEquals(201, r.status(), r::toString);
        return UUID.fromString(r.json().getString("id"));
    }

    /** Creates a user with roles ({@code Accounts.role(...)}); extra fields (e.g. birthDate) from {@code more}. */
    public UUID user(String login, JsonObject more, JsonObject... roles) {
        JsonArray list = new JsonArray();
        for (JsonObject r : roles) list.add(r);
        JsonObject body = new JsonObject().put("login", login).put("displayName", "User " + login)
                .put("password", "Initial-" + login + "-1").put("roles", list);
        if (more != null) body.mergeIn(more);
        ApiClient.Response r = root.post("/api/orgs/" + org + "/users", body);
        assertEquals(201, r.status(), r::toString);
        return UUID.fromString(r.json().getString("id"));
    }

    /** The first sign-in of a user created by {@link #user}; remembers the TOTP key. */
    public ApiClient firstSignIn(String login) {
        ApiClient c = new ApiClient(f.port());
        totpSecrets.put(login, Accounts.firstSignIn(c, f.time, login, "Initial-" + login + "-1", PASSWORD));
        return c;
    }

    /** The TOTP key a user enrolled (null when none was asked for). */
    public String secret(String login) {
        return totpSecrets.get(login);
    }

    @Override
    public void close() {
        f.stop();
    }
}
