package sabaq.signalling.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.signalling.session.Incidents;

/** JSON error answers of the HTTP API: {@code {"error": {"code", "message"}}} (docs/protocol.md section 1). */
public final class HttpErrors {
    private static final Logger log = LoggerFactory.getLogger(HttpErrors.class);

    private HttpErrors() {
    }

    public static void send(RoutingContext ctx, int status, String code, String message) {
        send(ctx, status, code, message, null);
    }

    /** An error answer with extra fields in the error object. */
    public static void send(RoutingContext ctx, int status, String code, String message, JsonObject details) {
        if (ctx.response().ended() || ctx.response().closed()) return;
        JsonObject error = new JsonObject().put("code", code).put("message", message);
        if (details != null) error.mergeIn(details);
        JsonResponses.respond(ctx, status, new JsonObject().put("error", error));
    }

    /** Failure handler for any route: answers an {@link ApiException}, leaves other failures to Vert.x. */
    public static void onRefusal(RoutingContext ctx) {
        if (ctx.failure() instanceof ApiException) {
            ApiException e = (ApiException) ctx.failure();
            send(ctx, e.status(), e.code(), e.getMessage(), e.details());
        } else {
            ctx.next();
        }
    }

    /**
     * Failure handler for API routes: an {@link ApiException} → its answer, body over the limit (from BodyHandler) →
     * 413, anything else → JSON too.
     */
    public static void onFailure(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (ctx.failure() instanceof ApiException) {
            ApiException e = (ApiException) ctx.failure();
            send(ctx, e.status(), e.code(), e.getMessage(), e.details());
        } else if (status == 413) {
            send(ctx, 413, "PAYLOAD_TOO_LARGE", "request body is over the limit");
        } else if (status == 400) {
            send(ctx, 400, "BAD_REQUEST", "bad request");
        } else if (status == 404) {
            send(ctx, 404, "NOT_FOUND", "not found");
        } else if (status > 0 && status < 500) {
            send(ctx, status, "HTTP_" + status, "request refused");
        } else {
            send(ctx, 500, "INTERNAL", Incidents.report(log, "HTTP " + ctx.request().method() + " " + ctx.request().path(),
                    ctx.failure()));
        }
    }
}
