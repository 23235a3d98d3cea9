package sabaq.common.footprint;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One footprint event in the shape of an xAPI statement (xAPI 1.0.3 section 2.4): actor, verb, object, timestamp,
 * context and result. {@code objectId} is the lesson id, or the recording id for {@link FootprintVerb#RECORDING_WATCHED}.
 *
 * <p>The event id is derived (UUID version 3, RFC 4122 section 4.3) from the lesson, the actor, the verb and a source
 * key: an id the emitter makes up once per happening (e.g. {@code "<participantId>:<connection seq>"} for a join, the
 * player's segment id for a recording range). A replay of the same happening therefore gets the same id and is stored
 * once; and since the actor is part of the hash, a client cannot overwrite another person's event by picking its key.
 *
 * <p>Build events with {@link #check}: it returns a clear error for every bad field. The canonical constructor only
 * rejects nulls (for reading stored events back).
 */
public record FootprintEvent(UUID eventId, FootprintVerb verb, FootprintActor actor, String objectId, long timestamp,
                             FootprintContext context, FootprintResult result) {
    /** Ids (lesson, participant, recording, account) are 1..64 characters of {@code [A-Za-z0-9_-]}. */
    public static final int MAX_ID_LENGTH = 64;
    public static final int MAX_SOURCE_KEY_LENGTH = 128;
    public static final int MAX_NAME_LENGTH = 200;
    /** 2020-01-01T00:00:00Z: nothing older is a real lesson event. */
    public static final long MIN_TIMESTAMP = 1_577_836_800_000L;
    /** 2100-01-01T00:00:00Z. */
    public static final long MAX_TIMESTAMP = 4_102_444_800_000L;
    /** Longest SPOKE duration and latest recording position: 24 hours. */
    public static final long MAX_DURATION_MS = 24L * 3600 * 1000;
    public static final int MAX_WATCHED_RANGES = 500;
    public static final int MAX_CHAT_LENGTH = 100_000;

    public FootprintEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(context, "context");
        result = result == null ? FootprintResult.NONE : result;
    }

    /** The stored id of the happening {@code sourceKey} of {@code actorId} in {@code lessonId} with {@code verb}. */
    public static UUID deriveId(String lessonId, String actorId, FootprintVerb verb, String sourceKey) {
        String name = "sabaq-footprint\n" + lessonId + "\n" + actorId + "\n" + verb.wireName() + "\n" + sourceKey;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Validates every field and builds the event (its id from {@link #deriveId}); never throws.
     *
     * @param sourceKey the emitter's id of this happening (1..128 printable ASCII characters)
     */
    public static FootprintCheck check(String sourceKey, FootprintVerb verb, FootprintActor actor, String objectId,
                                       long timestamp, FootprintContext context, FootprintResult result) {
        if (!printable(sourceKey, MAX_SOURCE_KEY_LENGTH)) return FootprintCheck.bad("sourceKey", "must be 1.." + MAX_SOURCE_KEY_LENGTH + " printable ASCII characters");
        if (verb == null) return FootprintCheck.bad("verb", "missing or unknown verb");
        if (actor == null) return FootprintCheck.bad("actor", "missing");
        if (!isId(actor.id())) return FootprintCheck.bad("actor.id", "must be 1.." + MAX_ID_LENGTH + " characters of [A-Za-z0-9_-]");
        if (!isName(actor.name())) return FootprintCheck.bad("actor.name", "must be 0.." + MAX_NAME_LENGTH + " characters without control characters");
        if (!isId(objectId)) return FootprintCheck.bad("object", "must be 1.." + MAX_ID_LENGTH + " characters of [A-Za-z0-9_-]");
        if (timestamp < MIN_TIMESTAMP || timestamp >= MAX_TIMESTAMP) return FootprintCheck.bad("timestamp", "must be epoch milliseconds between 2020 and 2100");
        if (context == null) return FootprintCheck.bad("context", "missing");
        if (!isId(context.lessonId())) return FootprintCheck.bad("context.lesson", "must be 1.." + MAX_ID_LENGTH + " characters of [A-Za-z0-9_-]");
        if (context.groupId() != null && context.orgId() == null) return FootprintCheck.bad("context.org", "a group needs its organisation");
        if (verb != FootprintVerb.RECORDING_WATCHED && !objectId.equals(context.lessonId())) {
            return FootprintCheck.bad("object", "must be the lesson id for " + verb.wireName());
        }
        FootprintResult r = result == null ? FootprintResult.NONE : result;
        String resultError = resultError(verb, r);
        if (resultError != null) return FootprintCheck.bad("result", resultError);
        UUID id = deriveId(context.lessonId(), actor.id(), verb, sourceKey);
        return FootprintCheck.ok(new FootprintEvent(id, verb, actor, objectId, timestamp, context, r));
    }

    private static String resultError(FootprintVerb verb, FootprintResult r) {
        switch (verb) {
            case SPOKE:
                if (r.durationMs() <= 0 || r.durationMs() > MAX_DURATION_MS) return "spoke needs a duration of 1 ms .. 24 h";
                return onlyField(r.watched().isEmpty() && r.quality() == null && r.chatLength() == 0, verb);
            case RECORDING_WATCHED:
                return watchedError(r);
            case CONNECTION_QUALITY:
                QualitySample q = r.quality();
                if (q == null) return "connection-quality needs a sample";
                if (q.score() < 1 || q.score() > 5) return "score must be 1..5";
                if (!(q.lossPercent() >= 0 && q.lossPercent() <= 100)) return "lossPercent must be 0..100";
                if (q.rttMs() < -1 || q.rttMs() > 60_000) return "rttMs must be -1..60000";
                if (q.jitterMs() < -1 || q.jitterMs() > 60_000) return "jitterMs must be -1..60000";
                return onlyField(r.durationMs() == 0 && r.watched().isEmpty() && r.chatLength() == 0, verb);
            case CHAT_SENT:
                if (r.chatLength() < 1 || r.chatLength() > MAX_CHAT_LENGTH) return "chat-sent needs a length of 1.." + MAX_CHAT_LENGTH;
                return onlyField(r.durationMs() == 0 && r.watched().isEmpty() && r.quality() == null, verb);
            default:
                return r.isEmpty() ? null : verb.wireName() + " carries no result";
        }
    }

    private static String watchedError(FootprintResult r) {
        List<WatchedRange> ranges = r.watched();
        if (ranges.isEmpty() || ranges.size() > MAX_WATCHED_RANGES) return "recording-watched needs 1.." + MAX_WATCHED_RANGES + " ranges";
        for (WatchedRange w : ranges) {
            if (w == null || w.fromMs() < 0 || w.toMs() <= w.fromMs() || w.toMs() > MAX_DURATION_MS) {
                return "each range needs 0 <= fromMs < toMs <= 24 h";
            }
        }
        return onlyField(r.durationMs() == 0 && r.quality() == null && r.chatLength() == 0, FootprintVerb.RECORDING_WATCHED);
    }

    private static String onlyField(boolean othersEmpty, FootprintVerb verb) {
        return othersEmpty ? null : verb.wireName() + " carries only its own result field";
    }

    /** 1..64 characters of the URL-safe base64 alphabet (which also covers UUID strings). */
    public static boolean isId(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_ID_LENGTH) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) return false;
        }
        return true;
    }

    private static boolean isName(String s) {
        if (s == null || s.length() > MAX_NAME_LENGTH) return false;
        for (int i = 0; i < s.length(); i++) if (Character.isISOControl(s.charAt(i))) return false;
        return true;
    }

    private static boolean printable(String s, int max) {
        if (s == null || s.isEmpty() || s.length() > max) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7e) return false;
        }
        return true;
    }
}
