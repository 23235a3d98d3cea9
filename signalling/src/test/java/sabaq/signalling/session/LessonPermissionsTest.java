package sabaq.signalling.session;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sabaq.signalling.lesson.LessonAction;
import sabaq.signalling.lesson.Permissions;
import sabaq.signalling.lesson.Role;
import sabaq.signalling.testing.SignallingFixture;
import sabaq.signalling.testing.TestClient;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One test per row of the WebSocket permission table (docs/protocol.md section 2.5): in a fresh lesson, the teacher,
 * a student without the floor, a student with the floor and an observer each try the row's action over a real
 * WebSocket; it must take effect for those the table allows and get FORBIDDEN (nothing else) for the others.
 */
@ExtendWith(VertxExtension.class)
class LessonPermissionsTest {
    private static SignallingFixture f;

    @BeforeAll
    static void start(Vertx vertx) {
        f = SignallingFixture.start(vertx, "");
    }

    @AfterEach
    void closeClients() {
        f.closeClients();
    }

    @AfterAll
    static void stop() {
        f.stop();
    }

    /** Who tries the action. */
    enum Actor {
        TEACHER(Role.TEACHER, false), STUDENT(Role.STUDENT, false), STUDENT_WITH_FLOOR(Role.STUDENT, true), OBSERVER(Role.OBSERVER, false);

        final Role role;
        final boolean floor;

        Actor(Role role, boolean floor) {
            this.role = role;
            this.floor = floor;
        }

        boolean allowed(LessonAction a) {
            Permissions.Grant g = Permissions.grant(role, a);
            return g == Permissions.Grant.ALWAYS || (g == Permissions.Grant.WITH_FLOOR && floor);
        }
    }

    /** A fresh lesson: the teacher, the actor (unless the teacher acts) and a student the action may target. */
    private record Room(TestClient teacher, TestClient actor, TestClient target) {
    }

    private Room room(Actor actor) {
        JsonObject lesson = f.createLesson("Permissions", "Teacher");
        TestClient teacher = f.joined(lesson.getString("teacherToken"), "T");
        TestClient target = f.joined(lesson.getString("studentToken"), "Target");
        TestClient who;
        switch (actor) {
            case TEACHER:
                who = teacher;
                break;
            case OBSERVER:
                who = f.joined(lesson.getString("observerToken"), "Observer");
                break;
            default:
                who = f.joined(lesson.getString("studentToken"), "Student");
                if (actor.floor) {
                    teacher.send(new JsonObject().put("type", "grant-floor").put("participantId", who.participantId()).put("granted", true));
                    assertTrue(who.next("floor").getBoolean("granted"));
                }
        }
        return new Room(teacher, who, target);
    }

    private static JsonObject message(LessonAction a, Room r) {
        JsonObject m;
        switch (a) {
            case PUBLISH:
                m = new JsonObject().put("type", "offer").put("sdp", "v=0\r\ns=offer\r\n")
                        .put("publish", new JsonArray().add(new JsonObject().put("mid", "0").put("source", "camera")));
                break;
            case SUBSCRIBE:
                m = new JsonObject().put("type", "offer").put("sdp", "v=0\r\ns=offer\r\n");
                break;
            case UNPUBLISH:
                m = new JsonObject().put("type", "unpublish").put("source", "camera");
                break;
            case MEDIA_STATE:
                m = new JsonObject().put("type", "media-state").put("camera", true).put("microphone", true);
                break;
            case CHAT:
                m = new JsonObject().put("type", "chat").put("text", "row test");
                break;
            case HAND:
                m = new JsonObject().put("type", "hand").put("raised", true);
                break;
            case GRANT_FLOOR:
                m = new JsonObject().put("type", "grant-floor").put("participantId", r.target().participantId()).put("granted", true);
                break;
            case MUTE:
                m = new JsonObject().put("type", "mute").put("participantId", r.target().participantId());
                break;
            case UNMUTE:
                m = new JsonObject().put("type", "unmute");
                break;
            case REMOVE:
                m = new JsonObject().put("type", "remove").put("participantId", r.target().participantId());
                break;
            case END_LESSON:
                m = new JsonObject().put("type", "end-lesson");
                break;
            case LEAVE:
                m = new JsonObject().put("type", "leave");
                break;
            case RECEIVE_MODE:
                m = new JsonObject().put("type", "receive-mode").put("audioOnly", true);
                break;
            case RECORD:
                m = new JsonObject().put("type", "record");
                break;
            default:
                throw new AssertionError(a.toString());
        }
        return m.put("requestId", "act");
    }

    /** Evidence that the action took effect (for actions without a reply: a later request was processed error-free). */
    private static void assertTookEffect(LessonAction a, Room r) {
        TestClient c = r.actor();
        switch (a) {
            case PUBLISH:
            case SUBSCRIBE:
                assertEquals("act", c.next("answer").getString("requestId"));
                return;
            case MEDIA_STATE:
                updateOf(c, "camera");
                return;
            case CHAT:
                assertEquals("row test", c.next("chat").getString("text"));
                return;
            case HAND:
                updateOf(c, "handRaised");
                return;
            case RECEIVE_MODE:
                updateOf(c, "audioOnly");
                return;
            case RECORD:
                // Allowed, and past the permission check: this test server has no recorder.
                assertEquals("act", c.error("RECORDING_UNAVAILABLE").getString("requestId"));
                return;
            case GRANT_FLOOR:
                assertTrue(r.target().next("floor").getBoolean("granted"));
                return;
            case MUTE:
                assertEquals(c.participantId(), r.target().next("muted").getString("by"));
                return;
            case REMOVE:
                r.target().next("removed");
                return;
            case END_LESSON:
                c.next("lesson-ended");
                return;
            case LEAVE:
                assertEquals(1000, c.awaitClosed());
                return;
            default:
                barrier(c);
                assertTrue(c.all("error").isEmpty(), () -> a + ": " + c.all("error"));
        }
    }

    /** Waits for the participant-updated about the client itself with {@code flag} set (earlier updates skipped). */
    private static void updateOf(TestClient c, String flag) {
        while (true) {
            JsonObject p = c.next("participant-updated").getJsonObject("participant");
            if (p.getString("id").equals(c.participantId()) && p.getBoolean(flag)) return;
        }
    }

    /** A later lesson request whose reply proves the earlier one was processed (they run in order). */
    private static void barrier(TestClient c) {
        c.send(new JsonObject().put("type", "media-state").put("camera", true).put("microphone", false));
        c.next("participant-updated");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LessonAction.class)
    void row(LessonAction action) {
        for (Actor actor : Actor.values()) {
            Room r = room(actor);
            r.actor().send(message(action, r));
            if (actor.allowed(action)) {
                assertTookEffect(action, r);
            } else {
                JsonObject e = r.actor().error("FORBIDDEN");
                assertEquals("act", e.getString("requestId"), action + " as " + actor);
                barrier(r.actor());
                assertTrue(r.target().all("removed").isEmpty() && r.target().all("muted").isEmpty()
                        && r.target().all("floor").isEmpty() && r.teacher().all("lesson-ended").isEmpty(),
                        action + " as " + actor + " changed something");
            }
            for (TestClient c : List.of(r.teacher(), r.actor(), r.target())) c.close();
        }
    }
}
