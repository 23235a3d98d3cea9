package sabaq.signalling.ops;

import com.typesafe.config.ConfigException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.signalling.testing.FakeMediaStats;
import sabaq.signalling.testing.SignallingFixture;
import sabaq.signalling.testing.SignallingFixture.Response;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may use the operations routes (the {@link OpsAccess} seam), extra readiness checks, and start-time checks. */
@ExtendWith(VertxExtension.class)
class OpsAccessTest {

    private static void assertRefused(Response r, int status, String code) {
        assertEquals(status, r.status(), () -> r.body().toString());
        assertTrue(r.body().toString().contains(code), r.body().toString());
    }

    @Test
    void theDefaultAllowsOnlyTheConfiguredNetworks(Vertx vertx) {
        SignallingFixture f = SignallingFixture.start(vertx,
                "ops.allowed-networks = [\"10.0.0.0/8\"], ops.metrics-allowed-networks = [\"192.0.2.0/24\"]");
        try {
            // Outside the allowed networks the page and its API ask to sign in (a monitor or administrator may);
            // /metrics has no sign-in: it is refused.
            Response api = f.request(HttpMethod.GET, "/api/ops/system", null);
            assertRefused(api, 401, "UNAUTHENTICATED");
            assertTrue(api.contentType().startsWith("application/json"));
            assertRefused(f.request(HttpMethod.GET, "/api/ops/alerts", null), 401, "UNAUTHENTICATED");
            assertRefused(f.request(HttpMethod.GET, "/api/ops/anything", null), 401, "UNAUTHENTICATED");
            assertRefused(f.request(HttpMethod.GET, "/ops.html", null), 401, "UNAUTHENTICATED");
            assertRefused(f.request(HttpMethod.GET, "/metrics", null), 403, "FORBIDDEN");
            assertEquals(200, f.request(HttpMethod.GET, "/healthz", null).status(), "health stays open");
            assertEquals(200, f.request(HttpMethod.GET, "/", null).status(), "the rest of the site stays open");
        } finally {
            f.stop();
        }
    }

    @Test
    void loopbackIsAllowedByDefault(Vertx vertx) {
        SignallingFixture f = SignallingFixture.start(vertx, "");
        try {
            Response page = f.request(HttpMethod.GET, "/ops.html", null);
            assertEquals(200, page.status());
            assertTrue(page.contentType().startsWith("text/html"));
            assertEquals(200, f.request(HttpMethod.GET, "/api/ops/alerts", null).status());
            assertEquals(200, f.request(HttpMethod.GET, "/metrics", null).status());
            assertRefused(f.request(HttpMethod.GET, "/api/ops/nothing", null), 404, "NOT_FOUND");
        } finally {
            f.stop();
        }
    }

    @Test
    void aPluggedInAccessCheckDecides(Vertx vertx) {
        AtomicReference<OpsAccess.Decision> decision = new AtomicReference<>(OpsAccess.Decision.UNAUTHENTICATED);
        OpsAccess byRole = ctx -> Future.succeededFuture(decision.get());
        OpsAccess broken = ctx -> Future.failedFuture(new IllegalStateException("session store down"));
        SignallingFixture f = SignallingFixture.start(vertx, "",
                config -> new OpsBindings(new FakeMediaStats(), byRole, broken, List.of()));
        try {
            assertRefused(f.request(HttpMethod.GET, "/api/ops/lessons", null), 401, "UNAUTHENTICATED");
            assertRefused(f.request(HttpMethod.GET, "/ops.html", null), 401, "UNAUTHENTICATED");
            // Without a session, a refusal of the plugged-in check means "sign in first" (signing in may allow it).
            decision.set(OpsAccess.Decision.FORBIDDEN);
            assertRefused(f.request(HttpMethod.GET, "/api/ops/lessons", null), 401, "UNAUTHENTICATED");
            decision.set(OpsAccess.Decision.ALLOW);
            assertEquals(200, f.request(HttpMethod.GET, "/api/ops/alerts", null).status());
            Response scrape = f.request(HttpMethod.GET, "/metrics", null);
            assertRefused(scrape, 500, "incident");
        } finally {
            f.stop();
        }
    }

    @Test
    void extraReadinessChecksAreAskedAndNamed(Vertx vertx) {
        ReadinessCheck storage = new ReadinessCheck() {
            @Override
            public String name() {
                return "storage";
            }

            @Override
            public java.util.concurrent.CompletionStage<Void> check() {
                return CompletableFuture.failedFuture(new IllegalStateException("Cassandra unreachable"));
            }
        };
        FakeMediaStats media = new FakeMediaStats();
        SignallingFixture f = SignallingFixture.start(vertx, "", config -> new OpsBindings(media,
                new NetworkOpsAccess(config.ops().allowedNetworks()), new NetworkOpsAccess(config.ops().allowedNetworks()),
                List.of(storage)));
        try {
            Response r = f.request(HttpMethod.GET, "/readyz", null);
            assertEquals(503, r.status());
            assertEquals("ok", r.json().getJsonObject("checks").getJsonObject("media").getString("status"));
            assertEquals("fail", r.json().getJsonObject("checks").getJsonObject("storage").getString("status"));
            assertEquals("Cassandra unreachable", r.json().getJsonObject("checks").getJsonObject("storage").getString("reason"));
        } finally {
            f.stop();
        }
    }

    @Test
    void aRuleOnAMediaCounterTheServerDoesNotHaveStopsTheStart(Vertx vertx) {
        ConfigException e = assertThrows(ConfigException.class, () -> SignallingFixture.start(vertx,
                "ops.alerts.rules = [{ id = typo, condition = \"media.internal_error increase > 0\", severity = info, "
                        + "title { kk = \"ә\", ru = \"я\", en = \"e\" } }]",
                config -> OpsBindings.defaults(config.ops(), new FakeMediaStats())));
        assertTrue(e.getMessage().contains("sabaq.signalling.ops.alerts.rules[0].condition"), e.getMessage());
        assertTrue(e.getMessage().contains("media.internal_errors"), "lists what exists: " + e.getMessage());
    }
}
