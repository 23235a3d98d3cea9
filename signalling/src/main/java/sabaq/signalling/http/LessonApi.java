package sabaq.signalling.http;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import sabaq.signalling.SignallingConfig;
import sabaq.signalling.lesson.Lesson;
import sabaq.signalling.lesson.LessonIds;
import sabaq.signalling.lesson.Role;
import sabaq.signalling.lesson.TextRules;
import sabaq.signalling.session.LessonHub;
import sabaq.signalling.session.LessonRegistry;
import sabaq.signalling.token.IssuedToken;
import sabaq.signalling.token.JoinTokens;

import java.util.Objects;

/**
 * {@code POST /api/lessons} and {@code GET /api/lessons/:id} (docs/protocol.md section 1). New lessons are owned by
 * the context this API instance runs on (one per server event loop).
 */
public final class LessonApi {
    private final SignallingConfig config;
    private final JoinTokens tokens;
    private final LessonRegistry registry;
    private final Context owner;

    public LessonApi(SignallingConfig config, JoinTokens tokens, LessonRegistry registry, Context owner) {
        this.config = Objects.requireNonNull(config, "config");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    public void create(RoutingContext ctx) {
        JsonObject body = jsonObject(ctx.body().buffer());
        if (body == null) {
            HttpErrors.send(ctx, 400, "BAD_REQUEST", "the body must be a JSON object");
            return;
        }
        String title = label(body.getValue("title"), TextRules.MAX_TITLE);
        if (title == null) {
            HttpErrors.send(ctx, 400, "BAD_REQUEST", "title must be 1 to " + TextRules.MAX_TITLE + " characters without control characters");
            return;
        }
        String teacherName = label(body.getValue("teacherName"), TextRules.MAX_NAME);
        if (teacherName == null) {
            HttpErrors.send(ctx, 400, "BAD_REQUEST", "teacherName must be 1 to " + TextRules.MAX_NAME + " characters without control characters");
            return;
        }
        LessonHub hub = registry.create(title, teacherName, owner);
        if (hub == null) {
            HttpErrors.send(ctx, 503, "LESSON_LIMIT", "the server holds its maximum number of lessons");
            return;
        }
        String base = baseUrl(ctx, config);
        IssuedToken teacher = tokens.issue(hub.id(), Role.TEACHER, config.tokenTtl());
        IssuedToken student = tokens.issue(hub.id(), Role.STUDENT, config.tokenTtl());
        IssuedToken observer = tokens.issue(hub.id(), Role.OBSERVER, config.tokenTtl());
        JsonObject answer = new JsonObject()
                .put("lessonId", hub.id())
                .put("title", title)
                .put("teacherToken", teacher.token())
                .put("teacherUrl", lessonUrl(base, teacher))
                .put("studentToken", student.token())
                .put("studentUrl", lessonUrl(base, student))
                .put("observerToken", observer.token())
                .put("observerUrl", lessonUrl(base, observer))
                .put("expiresAt", teacher.claims().expiresAt() * 1000L);
        JsonResponses.respond(ctx, 201, answer);
    }

    public void get(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        LessonHub hub = LessonIds.isLessonId(id) ? registry.get(id) : null;
        if (hub == null) {
            HttpErrors.send(ctx, 404, "LESSON_NOT_FOUND", "no such lesson");
            return;
        }
        hub.call(() -> {
            Lesson l = hub.lesson();
            return new JsonObject()
                    .put("lessonId", l.id())
                    .put("title", l.title())
                    .put("teacherName", l.teacherName())
                    .put("state", l.state().wireName())
                    .put("participants", l.participantCount());
        }).onSuccess(json -> JsonResponses.respond(ctx, 200, json)).onFailure(ctx::fail);
    }

    /** {@code public-base-url}, or the scheme and Host of the request. */
    static String baseUrl(RoutingContext ctx, SignallingConfig config) {
        if (!config.publicBaseUrl().isEmpty()) return config.publicBaseUrl();
        HostAndPort authority = ctx.request().authority();
        String hostPort = authority == null
                ? config.host() + ":" + config.port()
                : authority.host() + (authority.port() >= 0 ? ":" + authority.port() : "");
        return ctx.request().scheme() + "://" + hostPort;
    }

    static String lessonUrl(String base, IssuedToken token) {
        return base + "/lesson.html#token=" + token.token();
    }

    private static String label(Object value, int max) {
        return value instanceof String ? TextRules.label((String) value, max) : null;
    }

    private static JsonObject jsonObject(Buffer body) {
        if (body == null || body.length() == 0) return null;
        try {
            Object v = Json.decodeValue(body);
            return v instanceof JsonObject ? (JsonObject) v : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
