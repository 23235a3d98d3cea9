package sabaq.signalling.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import sabaq.signalling.audit.Actor;

import java.util.UUID;

/** Reading API requests: JSON bodies, typed fields and path parameters; bad input becomes {@link ApiException}. */
public final class Requests {
    private static final int MAX_USER_AGENT = 256;

    private Requests() {
    }

    /** The body as a JSON object. */
    public static JsonObject body(RoutingContext ctx) {
        Buffer b = ctx.body() == null ? null : ctx.body().buffer();
        if (b == null || b.length() == 0) throw ApiException.badRequest("the body must be a JSON object");
        try {
            Object v = Json.decodeValue(b);
            if (v instanceof JsonObject) return (JsonObject) v;
        } catch (RuntimeException e) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        throw ApiException.badRequest("the body must be a JSON object");
    }

    /** A string field; null when absent or JSON null; refused when another type. */
    public static String optionalString(JsonObject body, String field) {
        Object v = body.getValue(field);
        if (v == null) return null;
        if (!(v instanceof String)) throw ApiException.badRequest(field + " must be a string");
        return (String) v;
    }

    public static String string(JsonObject body, String field) {
        String s = optionalString(body, field);
        if (s == null) throw ApiException.badRequest(field + " is required");
        return s;
    }

    public static Boolean optionalBoolean(JsonObject body, String field) {
        Object v = body.getValue(field);
        if (v == null) return null;
        if (!(v instanceof Boolean)) throw ApiException.badRequest(field + " must be true or false");
        return (Boolean) v;
    }

    /** A UUID path parameter; 404 when it is not one (no such thing can exist). */
    public static UUID pathId(RoutingContext ctx, String name) {
        UUID id = uuid(ctx.pathParam(name));
        if (id == null) throw ApiException.notFound("no such " + name);
        return id;
    }

    /** A UUID in text form, or null. */
    public static UUID uuid(String s) {
        if (s == null || s.length() != 36) return null;
        try {
            UUID u = UUID.fromString(s);
            return u.toString().equals(s.toLowerCase(java.util.Locale.ROOT)) ? u : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The optional UUID field; refused when present but not a UUID. */
    public static UUID optionalUuid(JsonObject body, String field) {
        String s = optionalString(body, field);
        if (s == null) return null;
        UUID u = uuid(s);
        if (u == null) throw ApiException.badRequest(field + " must be an id");
        return u;
    }

    /** Who is asking and from where (no account yet): the client address and user agent. */
    public static Actor origin(RoutingContext ctx) {
        String ip = ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress();
        String ua = ctx.request().getHeader("User-Agent");
        if (ua != null && ua.length() > MAX_USER_AGENT) ua = ua.substring(0, MAX_USER_AGENT);
        return new Actor(null, null, ip == null ? "unknown" : ip, ua);
    }
}
