package sabaq.signalling.footprint;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import sabaq.common.footprint.FootprintActor;
import sabaq.common.footprint.FootprintCheck;
import sabaq.common.footprint.FootprintContext;
import sabaq.common.footprint.FootprintEvent;
import sabaq.common.footprint.FootprintResult;
import sabaq.common.footprint.FootprintRole;
import sabaq.common.footprint.FootprintSink;
import sabaq.common.footprint.FootprintVerb;
import sabaq.common.footprint.WatchedRange;
import sabaq.common.recording.RecordingService;
import sabaq.common.recording.RecordingStatus;
import sabaq.common.recording.RecordingSummary;
import sabaq.common.time.TimeSource;
import sabaq.signalling.http.HttpErrors;
import sabaq.signalling.http.JsonResponses;
import sabaq.signalling.lesson.LessonOwner;
import sabaq.signalling.session.LessonHub;
import sabaq.signalling.session.LessonRegistry;
import sabaq.signalling.token.JoinClaims;
import sabaq.signalling.token.JoinTokens;
import sabaq.signalling.token.TokenCheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code POST /api/lessons/:id/recordings/:recordingId/watched} with {@code Authorization: Bearer <join token>}: the
 * recordings player reports which stretches of a recording were played (docs/footprint.md, "Recording watched").
 * Body: {@code {"watchId": "<8..64 id characters>", "seq": <0..1000000>, "ranges": [{"fromMs", "toMs"}, ...]}}, the
 * ranges newly played since the previous report of the same {@code watchId}.
 *
 * <p>The actor is the join token's account (personal link) or the link itself ({@code guest-<jti>}), never anything
 * in the body: a body that names an actor, a verb, a time or any other field is refused with 400 and records nothing.
 * The event id derives from the actor, the watch id and the sequence number, so a retried report counts once and a
 * client cannot overwrite another person's events. Ranges must lie inside the ready recording. Each link may send
 * {@link WatchReportLimit} reports per minute (429 beyond). Runs on the event loop; the sink never blocks.
 */
public final class RecordingWatchApi {
    /** Positions may run this much past the recording's rounded duration (the player's last frame). */
    static final long END_SLACK_MS = 2000;
    static final int MAX_SEQ = 1_000_000;
    private static final Set<String> FIELDS = Set.of("watchId", "seq", "ranges");

    private final RecordingService recordings;
    private final JoinTokens tokens;
    private final LessonRegistry registry;
    private final FootprintSink sink;
    private final WatchReportLimit limit;
    private final TimeSource time;

    public RecordingWatchApi(RecordingService recordings, JoinTokens tokens, LessonRegistry registry, FootprintSink sink,
                             WatchReportLimit limit, TimeSource time) {
        this.recordings = Objects.requireNonNull(recordings, "recordings");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.time = Objects.requireNonNull(time, "time");
    }

    /** A refusal: HTTP status, error code and a message saying what to fix. */
    private static final class Refusal extends Exception {
        final int status;
        final String code;

        Refusal(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    public void watched(RoutingContext ctx) {
        try {
            FootprintEvent e = accept(ctx);
            sink.record(e);
            JsonResponses.respond(ctx, 202, new JsonObject().put("eventId", e.eventId().toString())
                    .put("ranges", e.result().watched().size()));
        } catch (Refusal r) {
            HttpErrors.send(ctx, r.status, r.code, r.getMessage());
        }
    }

    private FootprintEvent accept(RoutingContext ctx) throws Refusal {
        String lessonId = ctx.pathParam("id");
        String recordingId = ctx.pathParam("recordingId");
        JoinClaims claims = viewer(ctx, lessonId);
        String actorId = claims.isPersonal() ? claims.userId() : "guest-" + claims.tokenId();
        if (!limit.tryTake(actorId + "/" + claims.tokenId(), time.nanoTime())) {
            throw new Refusal(429, "RATE_LIMITED", "too many watch reports: at most a few per minute");
        }
        JsonObject body = body(ctx);
        String watchId = watchId(body);
        int seq = seq(body);
        List<WatchedRange> ranges = ranges(body);
        RecordingSummary recording = recordings.recordings(lessonId).stream()
                .filter(s -> s.recordingId().equals(recordingId)).findFirst()
                .orElseThrow(() -> new Refusal(404, "NOT_FOUND", "no such recording of this lesson"));
        if (recording.status() != RecordingStatus.READY) {
            throw new Refusal(409, "NOT_READY", "the recording cannot be played yet");
        }
        long endMs = Math.round(recording.durationSeconds() * 1000) + END_SLACK_MS;
        for (WatchedRange r : ranges) {
            if (r.toMs() > endMs) {
                throw new Refusal(400, "BAD_REQUEST", "ranges: toMs " + r.toMs() + " is past the recording's end ("
                        + (endMs - END_SLACK_MS) + " ms)");
            }
        }
        LessonHub hub = registry.get(lessonId);
        LessonOwner owner = hub == null ? null : hub.owner();
        FootprintRole role = FootprintRole.fromWire(claims.role().wireName()).orElse(FootprintRole.OBSERVER);
        FootprintContext context = owner == null ? new FootprintContext(lessonId, null, null, null, null, role)
                : new FootprintContext(lessonId, owner.orgId(), owner.groupId(), owner.programmeId(), owner.disciplineId(), role);
        FootprintActor actor = new FootprintActor(actorId, claims.isPersonal() ? claims.displayName() : "",
                !claims.isPersonal());
        FootprintCheck check = FootprintEvent.check("watch:" + watchId + ":" + seq, FootprintVerb.RECORDING_WATCHED,
                actor, recordingId, time.epochMillis(), context, FootprintResult.watched(ranges));
        if (!check.valid()) throw new Refusal(400, "BAD_REQUEST", check.field() + ": " + check.error());
        return check.event();
    }

    private JoinClaims viewer(RoutingContext ctx, String lessonId) throws Refusal {
        String auth = ctx.request().getHeader("Authorization");
        String credential = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).trim() : null;
        if (credential == null || credential.isEmpty()) {
            throw new Refusal(401, "UNAUTHENTICATED", "send the lesson link's token as Authorization: Bearer <token>");
        }
        TokenCheck check = tokens.verify(credential);
        if (!check.isValid()) throw new Refusal(403, "FORBIDDEN", "the lesson link is not valid or has expired");
        if (!check.claims().lessonId().equals(lessonId)) {
            throw new Refusal(403, "FORBIDDEN", "this link is for another lesson");
        }
        return check.claims();
    }

    private static JsonObject body(RoutingContext ctx) throws Refusal {
        JsonObject body;
        try {
            body = ctx.body() == null || ctx.body().length() == 0 ? null : ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            throw new Refusal(400, "BAD_REQUEST", "the body must be a JSON object");
        }
        if (body == null) throw new Refusal(400, "BAD_REQUEST", "the body must be a JSON object");
        for (String field : body.fieldNames()) {
            if (!FIELDS.contains(field)) {
                throw new Refusal(400, "BAD_REQUEST", "unknown field " + quoted(field) + ": a watch report has only "
                        + "watchId, seq and ranges; who watched is taken from your link, never from the body");
            }
        }
        return body;
    }

    private static String quoted(String field) {
        String s = field.length() > 40 ? field.substring(0, 40) + "..." : field;
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.append('\'').toString();
    }

    private static String watchId(JsonObject body) throws Refusal {
        Object v = body.getValue("watchId");
        if (!(v instanceof String) || ((String) v).length() < 8 || !FootprintEvent.isId((String) v)) {
            throw new Refusal(400, "BAD_REQUEST", "watchId must be 8 to 64 characters of A-Z a-z 0-9 - _");
        }
        return (String) v;
    }

    private static int seq(JsonObject body) throws Refusal {
        Long v = integral(body.getValue("seq"));
        if (v == null || v < 0 || v > MAX_SEQ) throw new Refusal(400, "BAD_REQUEST", "seq must be an integer 0.." + MAX_SEQ);
        return v.intValue();
    }

    private static List<WatchedRange> ranges(JsonObject body) throws Refusal {
        Object v = body.getValue("ranges");
        if (!(v instanceof JsonArray) || ((JsonArray) v).isEmpty() || ((JsonArray) v).size() > FootprintEvent.MAX_WATCHED_RANGES) {
            throw new Refusal(400, "BAD_REQUEST", "ranges must be an array of 1.." + FootprintEvent.MAX_WATCHED_RANGES
                    + " {fromMs, toMs} objects");
        }
        JsonArray array = (JsonArray) v;
        List<WatchedRange> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            Object o = array.getValue(i);
            if (!(o instanceof JsonObject) || ((JsonObject) o).size() != 2) {
                throw new Refusal(400, "BAD_REQUEST", "ranges[" + i + "] must be {fromMs, toMs}");
            }
            Long from = integral(((JsonObject) o).getValue("fromMs"));
            Long to = integral(((JsonObject) o).getValue("toMs"));
            if (from == null || to == null || from < 0 || to <= from || to > FootprintEvent.MAX_DURATION_MS) {
                throw new Refusal(400, "BAD_REQUEST", "ranges[" + i + "] needs integers 0 <= fromMs < toMs");
            }
            out.add(new WatchedRange(from, to));
        }
        return out;
    }

    /** The value as a long when it is a JSON integer (not a fraction, not a string), else null. */
    private static Long integral(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short) return ((Number) v).longValue();
        if (v instanceof Number) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return (long) d;
        }
        return null;
    }
}
