package sabaq.signalling.ops;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.signalling.http.HttpErrors;
import sabaq.signalling.ops.alert.AlertEngine;
import sabaq.signalling.ops.metrics.SabaqMeters;
import sabaq.signalling.session.Incidents;

import java.util.function.Function;

/**
 * The operations routes: {@code /healthz}, {@code /readyz}, the Prometheus endpoint {@code /metrics}, the JSON of
 * the operations page ({@code /api/ops/system}, {@code /api/ops/lessons}, {@code /api/ops/alerts}) and the page
 * itself ({@code /ops.html}, served by the static handler once {@link OpsAccess} allows it).
 */
public final class OpsRoutes {
    private static final Logger log = LoggerFactory.getLogger(OpsRoutes.class);

    private final Vertx vertx;
    private final OpsBindings bindings;
    private final SabaqMeters meters;
    private final OpsSampler sampler;
    private final AlertEngine engine;
    private final HealthApi health;
    private final long sampleIntervalMillis;

    public OpsRoutes(Vertx vertx, OpsBindings bindings, SabaqMeters meters, OpsSampler sampler, AlertEngine engine,
                     HealthApi health, long sampleIntervalMillis) {
        this.vertx = vertx;
        this.bindings = bindings;
        this.meters = meters;
        this.sampler = sampler;
        this.engine = engine;
        this.health = health;
        this.sampleIntervalMillis = sampleIntervalMillis;
    }

    /** Health routes only: for the plain port when it redirects everything else to HTTPS. */
    public void mountHealth(Router router) {
        router.get("/healthz").handler(health::liveness);
        router.get("/readyz").handler(health::readiness);
    }

    /** Every operations route; mount before the API's catch-all and the static handler. */
    public void mount(Router router) {
        mountHealth(router);
        router.get("/metrics").handler(guard(bindings.metricsAccess(), false)).handler(this::metrics);
        router.route("/api/ops/*").handler(guard(bindings.pageAccess(), true));
        router.get("/api/ops/system").handler(ctx -> snapshot(ctx, s -> OpsJson.system(s, sampler.history(), sampleIntervalMillis)));
        router.get("/api/ops/lessons").handler(ctx -> snapshot(ctx, OpsJson::lessons));
        router.get("/api/ops/alerts").handler(ctx -> json(ctx, OpsJson.alerts(engine)));
        router.route("/ops.html").handler(guard(bindings.pageAccess(), false));
    }

    private Handler<RoutingContext> guard(OpsAccess access, boolean api) {
        return ctx -> {
            Future<OpsAccess.Decision> decision;
            try {
                decision = access.check(ctx);
            } catch (RuntimeException e) {
                decision = Future.failedFuture(e);
            }
            decision.onComplete(ar -> {
                if (ar.succeeded() && ar.result() == OpsAccess.Decision.ALLOW) {
                    ctx.next();
                } else if (ar.failed()) {
                    refuse(ctx, api, 500, "INTERNAL", Incidents.report(log, "operations access check", ar.cause()));
                } else if (ar.result() == OpsAccess.Decision.UNAUTHENTICATED) {
                    refuse(ctx, api, 401, "UNAUTHENTICATED", "sign in first");
                } else {
                    refuse(ctx, api, 403, "FORBIDDEN", "operations data is not open to this client");
                }
            });
        };
    }

    private static void refuse(RoutingContext ctx, boolean api, int status, String code, String message) {
        if (api) {
            HttpErrors.send(ctx, status, code, message);
        } else if (!ctx.response().ended()) {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .putHeader("Cache-Control", "no-store").end(status + " " + code + ": " + message + "\n");
        }
    }

    private void metrics(RoutingContext ctx) {
        vertx.executeBlocking(meters::scrape, false).onComplete(ar -> {
            if (ctx.response().ended()) return;
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            ctx.response().putHeader("Content-Type", SabaqMeters.CONTENT_TYPE).putHeader("Cache-Control", "no-store")
                    .end(ar.result());
        });
    }

    private void snapshot(RoutingContext ctx, Function<OpsSnapshot, JsonObject> view) {
        OpsSnapshot s = sampler.latest();
        if (s == null) {
            HttpErrors.send(ctx, 503, "NOT_SAMPLED", "no operations sample yet; try again in a moment");
            return;
        }
        json(ctx, view.apply(s));
    }

    private static void json(RoutingContext ctx, JsonObject body) {
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }
}
