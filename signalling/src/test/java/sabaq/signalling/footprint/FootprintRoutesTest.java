package sabaq.signalling.footprint;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.common.cassandra.CassandraExtension;
import sabaq.common.footprint.FootprintActor;
import sabaq.common.footprint.FootprintContext;
import sabaq.common.footprint.FootprintEvent;
import sabaq.common.footprint.FootprintResult;
import sabaq.common.footprint.FootprintRole;
import sabaq.common.footprint.FootprintVerb;
import sabaq.signalling.testing.Accounts;
import sabaq.signalling.testing.ApiClient;
import sabaq.signalling.testing.School;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The footprint and curriculum routes over HTTP: JSON, CSV, xAPI, who sees whose footprint, lessons with a discipline. */
@ExtendWith({CassandraExtension.class, VertxExtension.class})
class FootprintRoutesTest {
    private School s;
    private UUID group;
    private UUID ana;
    private UUID bek;
    private ApiClient monitor;
    private ApiClient methodist;
    private ApiClient teacher;
    private ApiClient anaClient;
    private ApiClient anaParent;
    private ApiClient otherParent;
    private int recorded;

    @BeforeEach
    void school(Vertx vertx) {
        s = School.start(vertx, "auth.mfa-required = false\nallow-guest-join = false");
        group = s.group("7A");
        ana = s.user("ana", null, Accounts.role("student", group));
        bek = s.user("bek", null, Accounts.role("student", group));
        s.user("mon", null, Accounts.role("monitor", null));
        s.user("met", null, Accounts.role("methodist", null));
        s.user("tea", null, Accounts.role("teacher", group));
        UUID parent = s.user("par", null, Accounts.role("parent", null));
        s.user("par2", null, Accounts.role("parent", null));
        assertEquals(200, s.root.post("/api/users/" + parent + "/children", new JsonObject().put("childId", ana.toString())).status());
        monitor = s.firstSignIn("mon");
        methodist = s.firstSignIn("met");
        teacher = s.firstSignIn("tea");
        anaClient = s.firstSignIn("ana");
        anaParent = s.firstSignIn("par");
        otherParent = s.firstSignIn("par2");
    }

    @AfterEach
    void stop() {
        s.close();
    }

    private void record(String key, FootprintVerb verb, UUID who, FootprintResult result) {
        FootprintContext ctx = new FootprintContext("LESSONXYZ", s.org, group, null, null, FootprintRole.STUDENT);
        s.f.footprint.record(FootprintEvent.check(key, verb, new FootprintActor(who.toString(), "Имя, \"в кавычках\"", false),
                "LESSONXYZ", s.f.time.epochMillis() - 60_000 + 1000L * recorded++, ctx, result).orThrow());
    }

    @Test
    void ownChildsAndOrganisationFootprint() {
        record("j", FootprintVerb.JOINED, ana, null);
        record("s", FootprintVerb.SPOKE, ana, FootprintResult.spoke(12_500));
        record("b", FootprintVerb.JOINED, bek, null);

        ApiClient.Response own = anaClient.get("/api/me/footprint");
        assertEquals(200, own.status(), own::toString);
        JsonArray events = own.json().getJsonArray("events");
        assertEquals(2, events.size(), "only her own");
        assertEquals("spoke", events.getJsonObject(1).getString("verb"));
        assertEquals(12_500, events.getJsonObject(1).getJsonObject("result").getLong("durationMs"));
        assertEquals("LESSONXYZ", events.getJsonObject(0).getJsonObject("context").getString("lesson"));

        assertEquals(2, anaParent.get("/api/me/children/" + ana + "/footprint").json().getJsonArray("events").size());
        assertEquals(403, anaParent.get("/api/me/children/" + bek + "/footprint").status(), "not her child");
        assertEquals(403, otherParent.get("/api/me/children/" + ana + "/footprint").status());
        assertEquals(403, teacher.get("/api/orgs/" + s.org + "/footprint/people/" + ana).status(), "teachers see only their own");
        assertEquals(1, monitor.get("/api/orgs/" + s.org + "/footprint/people/" + bek).json().getJsonArray("events").size());
        assertEquals(404, monitor.get("/api/orgs/" + s.org + "/footprint/people/" + UUID.randomUUID()).status());

        ApiClient.Response xapi = monitor.get("/api/orgs/" + s.org + "/footprint/lessons/LESSONXYZ/events?format=xapi");
        assertEquals(200, xapi.status(), xapi::toString);
        JsonObject st = xapi.json().getJsonArray("statements").getJsonObject(1);
        assertEquals("https://sabaq.kz/xapi/verbs/spoke", st.getJsonObject("verb").getString("id"));
        assertEquals("PT12.5S", st.getJsonObject("result").getString("duration"));
        assertEquals(ana.toString(), st.getJsonObject("actor").getJsonObject("account").getString("name"));
        assertEquals("https://sabaq.kz/xapi/lessons/LESSONXYZ", st.getJsonObject("object").getString("id"));
        assertEquals(s.org.toString(), st.getJsonObject("context").getJsonObject("extensions").getString("https://sabaq.kz/xapi/ext/org"));

        ApiClient.Response csv = monitor.get("/api/orgs/" + s.org + "/footprint/lessons/LESSONXYZ/events?format=csv&lang=ru");
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("\uFEFFВремя,ID,Имя,Роль,Действие,Урок,Результат\r\n"), csv.body());
        assertTrue(csv.body().contains("\"Имя, \"\"в кавычках\"\"\""), "quoted per RFC 4180");
        String kk = monitor.get("/api/orgs/" + s.org + "/footprint/lessons/LESSONXYZ/events?format=csv&lang=kk").body();
        assertTrue(kk.startsWith("\uFEFFУақыт,ID,Аты-жөні"), kk);
        assertEquals(400, monitor.get("/api/orgs/" + s.org + "/footprint/shares?lang=de").status());
        assertEquals(403, monitor.get("/api/orgs/" + UUID.randomUUID() + "/footprint/lessons/LESSONXYZ/events").status(),
                "no footprint-read in another organisation");
        assertEquals(404, s.root.get("/api/orgs/" + UUID.randomUUID() + "/footprint/lessons/LESSONXYZ/events").status(),
                "a platform administrator asking the wrong organisation: not its lesson");
    }

    @Test
    void theOrganisationsDataExportHoldsItsFootprint() {
        s.user("dir", null, Accounts.role("director", null));
        ApiClient director = s.firstSignIn("dir");
        ApiClient.Response created = teacher.post("/api/lessons", new JsonObject().put("title", "Тарих")
                .put("orgId", s.org.toString()).put("groupId", group.toString()));
        assertEquals(201, created.status(), created::toString);
        String lesson = created.json().getString("lessonId");
        FootprintContext ctx = new FootprintContext(lesson, s.org, group, null, null, FootprintRole.STUDENT);
        long t0 = s.f.time.epochMillis() - 60_000;
        s.f.footprint.record(FootprintEvent.check("x1", FootprintVerb.JOINED, new FootprintActor(ana.toString(), "Ана", false),
                lesson, t0, ctx, null).orThrow());
        s.f.footprint.record(FootprintEvent.check("x2", FootprintVerb.CHAT_SENT, new FootprintActor(bek.toString(), "Бек", false),
                lesson, t0 + 5_000, ctx, FootprintResult.chat(12)).orThrow());
        // An event of a lesson of no group of this school is not part of its export.
        record("other", FootprintVerb.JOINED, ana, null);

        ApiClient.Response json = director.get("/api/orgs/" + s.org + "/export/footprint.json");
        assertEquals(200, json.status(), json::toString);
        JsonArray events = json.json().getJsonArray("footprint");
        assertEquals(2, events.size(), events::encode);
        assertEquals("joined", events.getJsonObject(0).getString("verb"));
        assertEquals("chat-sent", events.getJsonObject(1).getString("verb"));
        assertEquals(lesson, events.getJsonObject(1).getJsonObject("context").getString("lesson"));

        ApiClient.Response csv = director.get("/api/orgs/" + s.org + "/export/footprint.csv?lang=kk");
        assertEquals(200, csv.status(), csv::toString);
        assertTrue(csv.body().startsWith("\uFEFFУақыт,ID,Аты-жөні"), csv.body());
        assertEquals(3, csv.body().split("\r\n").length, "a header and two events: " + csv.body());
        assertEquals(400, director.get("/api/orgs/" + s.org + "/export/footprint.csv?lang=de").status());
        assertEquals(403, monitor.get("/api/orgs/" + s.org + "/export/footprint.json").status(), "data-export is the director's");
    }

    @Test
    void curriculumAndLessonsWithADiscipline() {
        JsonObject body = new JsonObject().put("name", "Программирование").put("kind", "online-tvet")
                .put("groupIds", new JsonArray().add(group.toString()))
                .put("disciplines", new JsonArray()
                        .add(new JsonObject().put("name", "Java").put("plannedHours", new JsonObject().put("synchronous", 40).put("asynchronous", 60)))
                        .add(new JsonObject().put("name", "Практика").put("practice", true).put("plannedHours", new JsonObject().put("synchronous", 100))));
        ApiClient.Response created = methodist.post("/api/orgs/" + s.org + "/programmes", body);
        assertEquals(201, created.status(), created::toString);
        JsonObject p = created.json().getJsonObject("programme");
        String discipline = p.getJsonArray("disciplines").getJsonObject(0).getString("id");
        assertEquals(40, p.getJsonArray("disciplines").getJsonObject(0).getJsonObject("plannedHours").getInteger("synchronous"));
        assertEquals(1, monitor.get("/api/orgs/" + s.org + "/programmes").json().getJsonArray("programmes").size());
        assertEquals(403, monitor.post("/api/orgs/" + s.org + "/programmes", body).status(), "monitors only read");

        assertEquals(400, methodist.post("/api/orgs/" + s.org + "/programmes", body.copy().put("kind", "college")).status());
        JsonObject badHours = body.copy().put("disciplines", new JsonArray().add(new JsonObject().put("name", "X")
                .put("plannedHours", new JsonObject().put("synchronous", -1))));
        assertEquals(400, methodist.post("/api/orgs/" + s.org + "/programmes", badHours).status());
        assertEquals(404, methodist.post("/api/orgs/" + s.org + "/programmes",
                body.copy().put("groupIds", new JsonArray().add(UUID.randomUUID().toString()))).status(), "a group of no such kind");

        ApiClient.Response lesson = teacher.post("/api/lessons", new JsonObject().put("title", "Java 1").put("orgId", s.org.toString())
                .put("groupId", group.toString()).put("disciplineId", discipline));
        assertEquals(201, lesson.status(), lesson::toString);
        assertEquals(p.getString("id"), lesson.json().getString("programmeId"));
        assertEquals(discipline, lesson.json().getString("disciplineId"));
        ApiClient.Response wrong = teacher.post("/api/lessons", new JsonObject().put("title", "Java 2").put("orgId", s.org.toString())
                .put("groupId", group.toString()).put("disciplineId", UUID.randomUUID().toString()));
        assertEquals(400, wrong.status(), wrong::toString);

        assertEquals(204, methodist.delete("/api/orgs/" + s.org + "/programmes/" + p.getString("id")).status());
        assertEquals(404, methodist.delete("/api/orgs/" + s.org + "/programmes/" + p.getString("id")).status());
    }

    @Test
    void distanceDayCountsTheClassRoster() {
        ApiClient.Response r = monitor.get("/api/orgs/" + s.org + "/footprint/distance-day?day=2026-11-23");
        assertEquals(200, r.status(), r::toString);
        JsonObject row = r.json().getJsonArray("rows").getJsonObject(0);
        assertEquals("7A", row.getString("groupName"));
        assertEquals(2, row.getInteger("expected"), "ana and bek are the students of 7A");
        assertEquals("Asia/Almaty", r.json().getString("zone"));
        String csv = monitor.get("/api/orgs/" + s.org + "/footprint/distance-day?day=2026-11-23&format=csv").body();
        assertTrue(csv.startsWith("\uFEFFGroup,Day,Expected,Connected,Absent\r\n7A,2026-11-23,2,0,"), csv);
        assertEquals(400, monitor.get("/api/orgs/" + s.org + "/footprint/distance-day?tz=Mars/Base").status());
        assertTrue(csv.contains(ana.toString()) && csv.contains(bek.toString()), "both absent");
    }
}
