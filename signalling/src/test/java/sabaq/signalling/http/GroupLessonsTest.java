package sabaq.signalling.http;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.common.cassandra.CassandraExtension;
import sabaq.signalling.lesson.Role;
import sabaq.signalling.testing.Accounts;
import sabaq.signalling.testing.ApiClient;
import sabaq.signalling.testing.School;
import sabaq.signalling.testing.TestClient;
import sabaq.signalling.token.JoinTokens;
import sabaq.signalling.token.TokenCheck;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lessons tied to identity: created by a signed-in teacher for a group, joined with personal links. On Cassandra. */
@ExtendWith({CassandraExtension.class, VertxExtension.class})
class GroupLessonsTest {
    private School s;

    @AfterEach
    void stop() {
        if (s != null) {
            s.f.closeClients();
            s.close();
        }
    }

    private JsonObject createLesson(ApiClient teacher, UUID group) {
        ApiClient.Response r = teacher.post("/api/lessons", new JsonObject().put("title", "Алгебра").put("orgId", s.org.toString())
                .put("groupId", group.toString()));
        assertEquals(201, r.status(), r::toString);
        return r.json();
    }

    @Test
    void peopleOfTheGroupJoinWithTheirOwnLinks(Vertx vertx) {
        s = School.start(vertx, "allow-guest-join = false");
        UUID g7a = s.group("7A");
        UUID g7b = s.group("7B");
        s.user("teacher", null, Accounts.role("teacher", g7a));
        s.user("dana", null, Accounts.role("student", g7a));
        s.user("methodist", null, Accounts.role("methodist", null));
        s.user("other", null, Accounts.role("student", g7b));
        ApiClient teacher = s.firstSignIn("teacher");
        JsonObject lesson = createLesson(teacher, g7a);
        assertFalse(lesson.containsKey("studentUrl"), "no shared links without guests");
        JoinTokens tokens = new JoinTokens(s.f.config.tokenSecret().getBytes(StandardCharsets.UTF_8), s.f.time);
        TokenCheck teacherToken = tokens.verify(lesson.getString("teacherToken"));
        assertEquals(Role.TEACHER, teacherToken.claims().role());
        assertEquals(teacher.get("/api/me").json().getString("id"), teacherToken.claims().userId());

        ApiClient dana = s.firstSignIn("dana");
        ApiClient.Response mine = dana.get("/api/me/lessons");
        assertEquals(200, mine.status(), mine::toString);
        JsonObject listed = mine.json().getJsonArray("lessons").getJsonObject(0);
        assertEquals(lesson.getString("lessonId"), listed.getString("lessonId"));
        assertEquals("live", listed.getString("state"));
        assertEquals("7A", listed.getString("groupName"));
        assertEquals("student", listed.getString("role"));
        assertEquals(false, mine.json().getJsonArray("groups").getJsonObject(0).getBoolean("canCreate"));

        ApiClient.Response join = dana.post("/api/lessons/" + lesson.getString("lessonId") + "/join", null);
        assertEquals(200, join.status(), join::toString);
        assertEquals("student", join.json().getString("role"));
        assertTrue(join.json().getString("url").contains("/lesson.html#token="));

        TestClient t = s.f.joined(lesson.getString("teacherToken"), "ignored");
        TestClient d = s.f.connect();
        JsonObject joined = d.join(join.json().getString("token"), "Someone Else");
        assertEquals("User dana", joined.getJsonArray("participants").getJsonObject(1).getString("name"),
                "the name comes from the account, not from the join message");
        assertEquals("User dana", t.next("participant-joined").getJsonObject("participant").getString("name"));

        ApiClient methodist = s.firstSignIn("methodist");
        assertEquals("observer", methodist.post("/api/lessons/" + lesson.getString("lessonId") + "/join", null).json().getString("role"));
        ApiClient other = s.firstSignIn("other");
        assertEquals(403, other.post("/api/lessons/" + lesson.getString("lessonId") + "/join", null).status(), "another group");
        assertTrue(other.get("/api/me/lessons").json().getJsonArray("lessons").isEmpty());

        ApiClient anonymous = new ApiClient(s.f.port());
        ApiClient.Response guest = anonymous.post("/api/lessons", new JsonObject().put("title", "T").put("teacherName", "T"));
        assertEquals(401, guest.status(), "guest lessons are off");
        String guestToken = tokens.issue(lesson.getString("lessonId"), Role.STUDENT, Duration.ofHours(1)).token();
        TestClient g = s.f.connect();
        g.send(new JsonObject().put("type", "join").put("token", guestToken).put("name", "Guest"));
        assertTrue(g.error("FORBIDDEN").getString("message").contains("guest links are disabled"));
    }

    @Test
    void withGuestsAllowedSharedLinksStillWork(Vertx vertx) {
        s = School.start(vertx, "allow-guest-join = true");
        UUID g = s.group("8A");
        s.user("teacher", null, Accounts.role("teacher", g));
        ApiClient teacher = s.firstSignIn("teacher");
        JsonObject lesson = createLesson(teacher, g);
        assertTrue(lesson.getString("studentUrl").contains("#token="));
        TestClient guest = s.f.connect();
        JsonObject joined = guest.join(lesson.getString("studentToken"), "Guest Pupil");
        assertEquals("Guest Pupil", joined.getJsonArray("participants").getJsonObject(0).getString("name"));
        ApiClient anonymous = new ApiClient(s.f.port());
        ApiClient.Response created = anonymous.post("/api/lessons", new JsonObject().put("title", "Try").put("teacherName", "Me"));
        assertEquals(201, created.status(), "guest lesson");
        assertEquals(404, teacher.post("/api/lessons/" + created.json().getString("lessonId") + "/join", null).status(),
                "no personal links for guest lessons");
    }
}
