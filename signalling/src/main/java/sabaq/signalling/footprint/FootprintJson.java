package sabaq.signalling.footprint;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import sabaq.common.footprint.AttendanceRow;
import sabaq.common.footprint.Discipline;
import sabaq.common.footprint.DistanceDayRow;
import sabaq.common.footprint.FootprintContext;
import sabaq.common.footprint.FootprintEvent;
import sabaq.common.footprint.FootprintResult;
import sabaq.common.footprint.HourFormat;
import sabaq.common.footprint.LessonSummary;
import sabaq.common.footprint.PersonTotals;
import sabaq.common.footprint.Programme;
import sabaq.common.footprint.ProgrammeShare;
import sabaq.common.footprint.QualitySample;
import sabaq.common.footprint.WatchedRange;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** The JSON shapes of docs/footprint.md section 4. */
final class FootprintJson {
    private FootprintJson() {
    }

    static <T> JsonArray array(List<T> items, Function<T, JsonObject> each) {
        JsonArray out = new JsonArray();
        for (T t : items) out.add(each.apply(t));
        return out;
    }

    private static String id(UUID u) {
        return u == null ? null : u.toString();
    }

    static JsonObject programme(Programme p) {
        JsonArray groups = new JsonArray();
        for (UUID g : p.groupIds()) groups.add(g.toString());
        JsonArray disciplines = new JsonArray();
        for (Discipline d : p.disciplines()) {
            JsonObject hours = new JsonObject();
            for (HourFormat f : HourFormat.values()) hours.put(f.wireName(), d.planned(f));
            disciplines.add(new JsonObject().put("id", d.id().toString()).put("name", d.name()).put("practice", d.practice())
                    .put("plannedHours", hours));
        }
        return new JsonObject().put("id", p.id().toString()).put("orgId", p.orgId().toString()).put("name", p.name())
                .put("kind", p.kind().wireName()).put("groupIds", groups).put("disciplines", disciplines);
    }

    static JsonObject lesson(LessonSummary l) {
        return new JsonObject().put("lessonId", l.lessonId()).put("orgId", id(l.orgId())).put("groupId", id(l.groupId()))
                .put("programmeId", id(l.programmeId())).put("disciplineId", id(l.disciplineId()))
                .put("startedAt", l.startedAt()).put("endedAt", l.endedAt()).put("deliveredMs", l.deliveredMs())
                .put("teacherId", l.teacherId()).put("teacherName", l.teacherName()).put("attendees", l.attendees());
    }

    static JsonObject attendance(AttendanceRow r) {
        return new JsonObject().put("actorId", r.actorId()).put("name", r.name()).put("role", r.role().wireName())
                .put("guest", r.guest()).put("firstJoinedAt", r.firstJoinedAt()).put("lastLeftAt", r.lastLeftAt())
                .put("attendedMs", r.attendedMs()).put("cameraOnMs", r.cameraOnMs()).put("micOnMs", r.micOnMs())
                .put("speakingMs", r.speakingMs()).put("chatMessages", r.chatMessages()).put("handRaises", r.handRaises())
                .put("joins", r.joins());
    }

    static JsonObject totals(PersonTotals t) {
        return new JsonObject().put("actorId", t.actorId()).put("name", t.name()).put("role", t.role().wireName())
                .put("lessons", t.lessons()).put("attendedMs", t.attendedMs()).put("cameraOnMs", t.cameraOnMs())
                .put("micOnMs", t.micOnMs()).put("speakingMs", t.speakingMs()).put("chatMessages", t.chatMessages())
                .put("handRaises", t.handRaises());
    }

    static JsonObject share(ProgrammeShare s) {
        return new JsonObject().put("programmeId", s.programmeId().toString()).put("name", s.name())
                .put("kind", s.kind().wireName()).put("baseHours", s.baseHours())
                .put("plannedSynchronousHours", s.plannedSynchronousHours())
                .put("deliveredSynchronousHours", s.deliveredSynchronousHours())
                .put("synchronousShare", s.synchronousShare()).put("synchronousMinimum", s.synchronousMinimum())
                .put("plannedDistanceHours", s.plannedDistanceHours()).put("distanceShare", s.distanceShare())
                .put("distanceMaximum", s.distanceMaximum()).put("belowSynchronousMinimum", s.belowSynchronousMinimum())
                .put("aboveDistanceMaximum", s.aboveDistanceMaximum());
    }

    static JsonObject distanceDay(DistanceDayRow r, String groupName) {
        JsonArray absent = new JsonArray();
        r.absentIds().forEach(absent::add);
        return new JsonObject().put("orgId", r.orgId().toString()).put("groupId", r.groupId().toString())
                .put("groupName", groupName).put("day", r.day().toString()).put("expected", r.expected())
                .put("connected", r.connected()).put("absentIds", absent);
    }

    static JsonObject event(FootprintEvent e) {
        FootprintContext c = e.context();
        return new JsonObject().put("id", e.eventId().toString()).put("verb", e.verb().wireName()).put("verbIri", e.verb().iri())
                .put("actor", new JsonObject().put("id", e.actor().id()).put("name", e.actor().name()).put("guest", e.actor().guest()))
                .put("object", e.objectId()).put("timestamp", e.timestamp())
                .put("context", new JsonObject().put("lesson", c.lessonId()).put("org", id(c.orgId())).put("group", id(c.groupId()))
                        .put("programme", id(c.programmeId())).put("discipline", id(c.disciplineId())).put("role", c.role().wireName()))
                .put("result", result(e.result()));
    }

    static JsonObject result(FootprintResult r) {
        JsonObject out = new JsonObject();
        if (r.durationMs() != 0) out.put("durationMs", r.durationMs());
        if (r.chatLength() != 0) out.put("chatLength", r.chatLength());
        if (!r.watched().isEmpty()) {
            JsonArray w = new JsonArray();
            for (WatchedRange range : r.watched()) w.add(new JsonObject().put("fromMs", range.fromMs()).put("toMs", range.toMs()));
            out.put("watched", w);
        }
        QualitySample q = r.quality();
        if (q != null) {
            out.put("quality", new JsonObject().put("score", q.score()).put("lossPercent", q.lossPercent())
                    .put("rttMs", q.rttMs()).put("jitterMs", q.jitterMs()));
        }
        return out;
    }
}
