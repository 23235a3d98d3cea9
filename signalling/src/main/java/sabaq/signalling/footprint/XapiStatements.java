package sabaq.signalling.footprint;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import sabaq.common.footprint.FootprintContext;
import sabaq.common.footprint.FootprintEvent;
import sabaq.common.footprint.FootprintResult;
import sabaq.common.footprint.FootprintVerb;
import sabaq.common.footprint.QualitySample;
import sabaq.common.footprint.WatchedRange;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Footprint events as xAPI 1.0.3 statements (IEEE 9274.1.1): actor an Agent identified by an account on this
 * platform (section 2.4.2.4), the verb's IRI with an en-US display, the lesson or recording as an Activity, the
 * lesson as the grouping context activity, our context data as extensions, and SPOKE's duration as an ISO 8601
 * duration (section 2.4.5). The answer has the shape of a StatementResult ({@code statements}, {@code more}).
 */
final class XapiStatements {
    static final String HOME = "https://sabaq.kz";
    static final String EXT = HOME + "/xapi/ext/";

    private XapiStatements() {
    }

    static JsonObject result(List<FootprintEvent> events) {
        JsonArray out = new JsonArray();
        for (FootprintEvent e : events) out.add(statement(e));
        return new JsonObject().put("statements", out).put("more", "");
    }

    static JsonObject statement(FootprintEvent e) {
        FootprintContext c = e.context();
        boolean recording = e.verb() == FootprintVerb.RECORDING_WATCHED;
        String objectIri = HOME + (recording ? "/xapi/recordings/" : "/xapi/lessons/") + e.objectId();
        JsonObject extensions = new JsonObject().put(EXT + "role", c.role().wireName()).put(EXT + "guest", e.actor().guest());
        putId(extensions, "org", c.orgId());
        putId(extensions, "group", c.groupId());
        putId(extensions, "programme", c.programmeId());
        putId(extensions, "discipline", c.disciplineId());
        JsonObject statement = new JsonObject()
                .put("id", e.eventId().toString())
                .put("timestamp", Instant.ofEpochMilli(e.timestamp()).toString())
                .put("actor", new JsonObject().put("objectType", "Agent").put("name", e.actor().name())
                        .put("account", new JsonObject().put("homePage", HOME).put("name", e.actor().id())))
                .put("verb", new JsonObject().put("id", e.verb().iri()).put("display", new JsonObject().put("en-US", e.verb().display())))
                .put("object", new JsonObject().put("objectType", "Activity").put("id", objectIri)
                        .put("definition", new JsonObject().put("type", recording
                                ? "http://activitystrea.ms/schema/1.0/video" : "http://adlnet.gov/expapi/activities/meeting")))
                .put("context", new JsonObject()
                        .put("contextActivities", new JsonObject().put("grouping",
                                new JsonArray().add(new JsonObject().put("id", HOME + "/xapi/lessons/" + c.lessonId()))))
                        .put("extensions", extensions));
        JsonObject result = result(e.result());
        if (!result.isEmpty()) statement.put("result", result);
        return statement;
    }

    private static JsonObject result(FootprintResult r) {
        JsonObject out = new JsonObject();
        if (r.durationMs() > 0) out.put("duration", Duration.ofMillis(r.durationMs()).toString());
        JsonObject ext = new JsonObject();
        if (r.chatLength() > 0) ext.put(EXT + "chat-length", r.chatLength());
        if (!r.watched().isEmpty()) {
            JsonArray w = new JsonArray();
            for (WatchedRange range : r.watched()) w.add(new JsonArray().add(range.fromMs()).add(range.toMs()));
            ext.put(EXT + "watched", w);
        }
        QualitySample q = r.quality();
        if (q != null) {
            ext.put(EXT + "quality", new JsonObject().put("score", q.score()).put("lossPercent", q.lossPercent())
                    .put("rttMs", q.rttMs()).put("jitterMs", q.jitterMs()));
        }
        if (!ext.isEmpty()) out.put("extensions", ext);
        return out;
    }

    private static void putId(JsonObject o, String name, UUID id) {
        if (id != null) o.put(EXT + name, id.toString());
    }
}
