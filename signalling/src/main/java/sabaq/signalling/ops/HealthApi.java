package sabaq.signalling.ops;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import sabaq.common.media.MediaStats;
import sabaq.common.time.TimeSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /healthz} (liveness) and {@code GET /readyz} (readiness), JSON with one entry per check, status 200 when
 * all pass and 503 otherwise. Open to everyone (load balancers and orchestrators call them); they reveal no data.
 *
 * <ul>
 *   <li>Liveness: the server answers HTTP, and the operations sampler, which needs the event loops, every lesson's
 *       context and the media thread, completed a sample recently (within three sample intervals, at least 30 s).
 *       A stuck media thread or event loop therefore fails it.</li>
 *   <li>Readiness: the media server takes new peers (its UDP socket is bound and open) and every extra
 *       {@link ReadinessCheck} (storage, once configured) answers within {@value #CHECK_TIMEOUT_MILLIS} ms.</li>
 * </ul>
 */
public final class HealthApi {
    static final long CHECK_TIMEOUT_MILLIS = 2000;

    private final Vertx vertx;
    private final OpsSampler sampler;
    private final MediaStats media;
    private final List<ReadinessCheck> checks;
    private final TimeSource time;
    private final long startedNanos;
    private final long staleNanos;

    public HealthApi(Vertx vertx, OpsSampler sampler, MediaStats media, List<ReadinessCheck> checks, TimeSource time,
                     Duration sampleInterval) {
        this.vertx = vertx;
        this.sampler = sampler;
        this.media = media;
        this.checks = List.copyOf(checks);
        this.time = time;
        this.startedNanos = time.nanoTime();
        this.staleNanos = Math.max(Duration.ofSeconds(30).toNanos(), 3 * sampleInterval.toNanos());
    }

    public void liveness(RoutingContext ctx) {
        long now = time.nanoTime();
        long last = sampler.lastSampleNanos();
        long age = now - (last < 0 ? startedNanos : last);
        boolean ok = age <= staleNanos;
        JsonObject sampler = new JsonObject().put("status", ok ? "ok" : "fail")
                .put("lastSampleAgeMillis", last < 0 ? null : age / 1_000_000);
        answer(ctx, ok, new JsonObject().put("sampler", sampler));
    }

    public void readiness(RoutingContext ctx) {
        JsonObject results = new JsonObject();
        boolean mediaReady = media.isReady();
        results.put("media", check(mediaReady, mediaReady ? null : "media server socket is not open"));
        List<Future<Void>> pending = new ArrayList<>();
        for (ReadinessCheck c : checks) {
            Future<Void> f;
            try {
                f = Future.fromCompletionStage(c.check(), vertx.getOrCreateContext())
                        .timeout(CHECK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                f = Future.failedFuture(e);
            }
            pending.add(f.andThen(ar -> results.put(c.name(),
                    check(ar.succeeded(), ar.succeeded() ? null : String.valueOf(ar.cause().getMessage())))));
        }
        Future.join(pending).onComplete(ar -> {
            boolean all = mediaReady;
            for (Future<Void> f : pending) all &= f.succeeded();
            answer(ctx, all, results);
        });
    }

    private static JsonObject check(boolean ok, String reason) {
        JsonObject o = new JsonObject().put("status", ok ? "ok" : "fail");
        if (reason != null) o.put("reason", reason);
        return o;
    }

    private static void answer(RoutingContext ctx, boolean ok, JsonObject checks) {
        if (ctx.response().ended() || ctx.response().closed()) return;
        ctx.response()
                .setStatusCode(ok ? 200 : 503)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("status", ok ? "ok" : "fail").put("checks", checks).encode());
    }
}
