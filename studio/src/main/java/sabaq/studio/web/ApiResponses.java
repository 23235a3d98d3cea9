package sabaq.studio.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.recorder.storage.StorageException;
import sabaq.studio.Json;
import sabaq.studio.error.Messages;
import sabaq.studio.error.OperationException;
import sabaq.studio.error.StudioError;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON answers of the studio and catalog routes, in the signalling API's shape (docs/protocol.md section 1):
 * {@code {"error": {"code", "message"}}}, and for studio errors also {@code "args"} so the page shows the text of
 * {@code studio.error.<code>} in the reader's language.
 */
final class ApiResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ApiResponses.class);

    private ApiResponses() {
    }

    static void json(RoutingContext ctx, int status, Object body) {
        if (ctx.response().ended() || ctx.response().closed()) return;
        byte[] bytes;
        try {
            bytes = Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            error(ctx, 500, "INTERNAL", "cannot write the answer", Map.of());
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(Buffer.buffer(bytes));
    }

    static void error(RoutingContext ctx, int status, String code, String message, Map<String, String> args) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", code);
        e.put("message", message);
        if (!args.isEmpty()) e.put("args", args);
        json(ctx, status, Map.of("error", e));
    }

    /** The answer for a failure of blocking studio work: studio errors as 422 (503 for storage), the rest 500. */
    static void failure(RoutingContext ctx, Throwable t) {
        if (t instanceof OperationException) {
            OperationException e = (OperationException) t;
            int status = e.code() == StudioError.STORAGE_FAILED ? 503 : e.code() == StudioError.UPLOAD_TOO_LARGE ? 413 : 422;
            error(ctx, status, e.code().name(), Messages.error("en", e.code(), e.args()), e.args());
        } else if (t instanceof StorageException) {
            error(ctx, 503, StudioError.STORAGE_FAILED.name(), "file storage is not reachable", Map.of("detail", String.valueOf(t.getMessage())));
        } else if (t instanceof IllegalStateException) {
            error(ctx, 409, "CONFLICT", t.getMessage(), Map.of());
        } else {
            LOG.warn("studio request {} {} failed", ctx.request().method(), ctx.request().path(), t);
            error(ctx, 500, "INTERNAL", "the studio could not do this (see the server log)", Map.of());
        }
    }
}
