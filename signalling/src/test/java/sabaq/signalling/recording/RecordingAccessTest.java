package sabaq.signalling.recording;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.common.cassandra.CassandraExtension;
import sabaq.signalling.testing.Accounts;
import sabaq.signalling.testing.ApiClient;
import sabaq.signalling.testing.School;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who may list a group lesson's recordings without a link: its teacher, the group's students, the school's staff
 * (signed in); not another group's student, not someone without a session. On Cassandra, over HTTP.
 */
@ExtendWith({CassandraExtension.class, VertxExtension.class})
class RecordingAccessTest {
    private School s;

    @AfterEach
    void stop() {
        if (s != null) s.close();
    }

    @Test
    void theGroupItsTeacherAndStaffMayListAGroupLessonsRecordings(Vertx vertx) {
        s = School.start(vertx, "allow-guest-join = false");
        UUID g7a = s.group("7A");
        UUID g7b = s.group("7B");
        s.user("teacher", null, Accounts.role("teacher", g7a));
        s.user("dana", null, Accounts.role("student", g7a));
        s.user("director", null, Accounts.role("director", null));
        s.user("other", null, Accounts.role("student", g7b));
        s.user("parent", null, Accounts.role("parent", null));
        ApiClient teacher = s.firstSignIn("teacher");
        ApiClient.Response created = teacher.post("/api/lessons", new JsonObject().put("title", "Физика")
                .put("orgId", s.org.toString()).put("groupId", g7a.toString()));
        assertEquals(201, created.status(), created::toString);
        String lessonId = created.json().getString("lessonId");
        String path = "/api/lessons/" + lessonId + "/recordings";

        assertEquals(200, teacher.get(path).status(), "the teacher");
        assertEquals(200, s.firstSignIn("dana").get(path).status(), "a student of the group");
        assertEquals(200, s.firstSignIn("director").get(path).status(), "the school's director");
        assertEquals(403, s.firstSignIn("other").get(path).status(), "a student of another group");
        assertEquals(403, s.firstSignIn("parent").get(path).status(), "a parent without a child in the group");
        assertEquals(403, new ApiClient(s.f.port()).get(path).status(), "no session, no link");
        assertEquals(403, teacher.get("/api/lessons/AAAAAAAAAAAA/recordings").status(), "a lesson of no group");
    }
}
