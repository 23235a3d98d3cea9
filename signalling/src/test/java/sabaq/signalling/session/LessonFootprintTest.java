package sabaq.signalling.session;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.common.footprint.FootprintEvent;
import sabaq.common.footprint.FootprintRole;
import sabaq.common.media.ConnectionQuality;
import sabaq.common.media.MediaRoomListener;
import sabaq.signalling.lesson.Role;
import sabaq.signalling.testing.RecordingFootprintSink;
import sabaq.signalling.testing.SignallingFixture;
import sabaq.signalling.testing.TestClient;
import sabaq.signalling.token.JoinTokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sabaq.common.footprint.FootprintVerb.CAMERA_OFF;
import static sabaq.common.footprint.FootprintVerb.CAMERA_ON;
import static sabaq.common.footprint.FootprintVerb.CHAT_SENT;
import static sabaq.common.footprint.FootprintVerb.CONNECTION_QUALITY;
import static sabaq.common.footprint.FootprintVerb.FLOOR_GRANTED;
import static sabaq.common.footprint.FootprintVerb.HAND_RAISED;
import static sabaq.common.footprint.FootprintVerb.JOINED;
import static sabaq.common.footprint.FootprintVerb.LEFT;
import static sabaq.common.footprint.FootprintVerb.LESSON_ENDED;
import static sabaq.common.footprint.FootprintVerb.LESSON_STARTED;
import static sabaq.common.footprint.FootprintVerb.MIC_OFF;
import static sabaq.common.footprint.FootprintVerb.MIC_ON;
import static sabaq.common.footprint.FootprintVerb.REMOVED;
import static sabaq.common.footprint.FootprintVerb.SPOKE;

/**
 * The digital footprint of lessons over real WebSocket connections (two server event loops): every hub action emits
 * its event with the right actor, time and result, and nothing a client writes in a message changes whose footprint
 * it is.
 */
@ExtendWith(VertxExtension.class)
class LessonFootprintTest {
    private static final String SECRET = "test-secret-test-secret-test-secret-0123";
    private static final RecordingFootprintSink sink = new RecordingFootprintSink();
    private static SignallingFixture f;
    private static JoinTokens tokens;

    @BeforeAll
    static void start(Vertx vertx) {
        f = SignallingFixture.withFootprint(vertx, "event-loops = 2\nfootprint.quality-interval = 10 seconds", null, sink);
        tokens = new JoinTokens(SECRET.getBytes(StandardCharsets.UTF_8), f.time);
    }

    @AfterEach
    void closeClients() {
        f.closeClients();
    }

    @AfterAll
    static void stop() {
        f.stop();
    }

    private static JsonObject mediaState(boolean camera, boolean microphone) {
        return new JsonObject().put("type", "media-state").put("camera", camera).put("microphone", microphone);
    }

    private static JsonObject grant(String participantId, boolean granted) {
        return new JsonObject().put("type", "grant-floor").put("participantId", participantId).put("granted", granted);
    }

    /** Waits until {@code c} hears that {@code participantId}'s {@code field} is {@code value} (the lesson handled it). */
    private static void updated(TestClient c, String participantId, String field, boolean value) {
        while (true) {
            JsonObject p = c.next("participant-updated").getJsonObject("participant");
            if (p.getString("id").equals(participantId) && p.getBoolean(field) == value) return;
        }
    }

    @Test
    void everyActionOfALessonIsInTheFootprintOfWhoDidIt() {
        JsonObject lesson = f.createLesson("Физика 9Б", "Aigerim Bekova");
        String lessonId = lesson.getString("lessonId");
        long t0 = f.time.epochMillis();
        TestClient teacher = f.joined(lesson.getString("teacherToken"), "x");
        String accountId = UUID.randomUUID().toString();
        String personal = tokens.issue(lessonId, Role.STUDENT, Duration.ofHours(1), accountId, "Dana Serikova").token();
        TestClient dana = f.joined(personal, "ignored");
        TestClient erlan = f.joined(lesson.getString("studentToken"), "Erlan");
        teacher.next("participant-joined");
        teacher.next("participant-joined");

        FootprintEvent started = sink.await(lessonId, LESSON_STARTED, teacher.participantId());
        assertEquals(t0, started.timestamp());
        assertEquals(FootprintRole.TEACHER, started.context().role());
        assertEquals(lessonId, started.objectId());
        FootprintEvent danaJoined = sink.await(lessonId, JOINED, accountId);
        assertFalse(danaJoined.actor().guest(), "a personal link names the account");
        assertEquals("Dana Serikova", danaJoined.actor().name());
        assertEquals(FootprintRole.STUDENT, danaJoined.context().role());
        FootprintEvent erlanJoined = sink.await(lessonId, JOINED, erlan.participantId());
        assertTrue(erlanJoined.actor().guest(), "a guest link: the participant id");
        assertEquals("Erlan", erlanJoined.actor().name());

        // Chat: only the length, by the sender, whatever ids the message carries.
        f.time.advanceMillis(1000);
        erlan.send(new JsonObject().put("type", "chat").put("text", "Сәлем!").put("participantId", dana.participantId())
                .put("userId", accountId).put("actor", new JsonObject().put("id", accountId)));
        teacher.next("chat");
        FootprintEvent chat = sink.await(lessonId, CHAT_SENT, erlan.participantId());
        assertEquals(6, chat.result().chatLength());
        assertEquals(t0 + 1000, chat.timestamp());
        assertTrue(sink.of(lessonId, CHAT_SENT).stream().allMatch(e -> e.actor().id().equals(erlan.participantId())),
                sink.summary());

        dana.send(new JsonObject().put("type", "hand").put("raised", true));
        updated(teacher, dana.participantId(), "handRaised", true);
        sink.await(lessonId, HAND_RAISED, accountId);
        dana.send(new JsonObject().put("type", "hand").put("raised", false));
        updated(teacher, dana.participantId(), "handRaised", false);

        // A student without the floor may say camera and microphone are on: they are not (nothing is published).
        dana.send(mediaState(true, true));
        updated(teacher, dana.participantId(), "camera", true);
        assertTrue(sink.of(lessonId, CAMERA_ON).isEmpty(), sink.summary());

        // The floor: FLOOR_GRANTED is the student's; with it the announced camera and microphone count.
        f.time.advanceMillis(1000);
        teacher.send(grant(dana.participantId(), true));
        dana.next("floor");
        assertEquals(t0 + 2000, sink.await(lessonId, FLOOR_GRANTED, accountId).timestamp());
        assertEquals(t0 + 2000, sink.await(lessonId, CAMERA_ON, accountId).timestamp());
        assertEquals(t0 + 2000, sink.await(lessonId, MIC_ON, accountId).timestamp());

        // The teacher mutes her: MIC_OFF is hers; unmuting herself turns it on again.
        f.time.advanceMillis(1000);
        teacher.send(new JsonObject().put("type", "mute").put("participantId", dana.participantId()));
        dana.next("muted");
        FootprintEvent micOff = sink.await(lessonId, MIC_OFF, accountId);
        assertEquals(t0 + 3000, micOff.timestamp());
        f.time.advanceMillis(1000);
        dana.send(new JsonObject().put("type", "unmute"));
        Set<Long> micOn = sink.awaitCount(lessonId, MIC_ON, 2).stream().map(FootprintEvent::timestamp).collect(Collectors.toSet());
        assertEquals(Set.of(t0 + 2000, t0 + 4000), micOn);

        // Speaking: the SFU's active speaker, one SPOKE per stretch, stamped at its start.
        MediaRoomListener room = f.media.room(lessonId).listener();
        room.onActiveSpeaker(dana.participantId());
        teacher.next("active-speaker");
        f.time.advanceMillis(3500);
        room.onActiveSpeaker(teacher.participantId());
        teacher.next("active-speaker");
        FootprintEvent spoke = sink.await(lessonId, SPOKE, accountId);
        assertEquals(3500, spoke.result().durationMs());
        assertEquals(t0 + 4000, spoke.timestamp());
        f.time.advanceMillis(1500);
        room.onActiveSpeaker(null);
        teacher.next("active-speaker");
        assertEquals(1500, sink.await(lessonId, SPOKE, teacher.participantId()).result().durationMs());

        // Revoking the floor turns her camera and microphone off in the footprint.
        f.time.advanceMillis(1000);
        teacher.send(grant(dana.participantId(), false));
        dana.next("floor");
        assertEquals(t0 + 10_000, sink.await(lessonId, CAMERA_OFF, accountId).timestamp());
        assertEquals(2, sink.of(lessonId, MIC_OFF).size(), sink.summary());

        // Removal: REMOVED and LEFT are Erlan's, not the teacher's.
        f.time.advanceMillis(1000);
        teacher.send(new JsonObject().put("type", "remove").put("participantId", erlan.participantId()));
        erlan.awaitClosed();
        assertEquals(t0 + 11_000, sink.await(lessonId, REMOVED, erlan.participantId()).timestamp());
        sink.await(lessonId, LEFT, erlan.participantId());

        // The teacher ends the lesson: everyone still in leaves, then LESSON_ENDED.
        f.time.advanceMillis(1000);
        teacher.send(new JsonObject().put("type", "end-lesson"));
        teacher.awaitClosed();
        FootprintEvent ended = sink.await(lessonId, LESSON_ENDED, teacher.participantId());
        assertEquals(t0 + 12_000, ended.timestamp());
        assertEquals(t0 + 12_000, sink.await(lessonId, LEFT, accountId).timestamp());
        assertEquals(t0 + 12_000, sink.await(lessonId, LEFT, teacher.participantId()).timestamp());

        List<FootprintEvent> all = sink.events().stream().filter(e -> e.context().lessonId().equals(lessonId))
                .collect(Collectors.toList());
        assertEquals(all.size(), all.stream().map(FootprintEvent::eventId).collect(Collectors.toSet()).size(),
                "every event has its own id");
        assertEquals(LESSON_ENDED, all.get(all.size() - 1).verb(), "LESSON_ENDED comes last: " + sink.summary());
        for (String actor : List.of(accountId, erlan.participantId(), teacher.participantId())) {
            long joins = all.stream().filter(e -> e.actor().id().equals(actor) && e.verb() == JOINED).count();
            long leaves = all.stream().filter(e -> e.actor().id().equals(actor) && e.verb() == LEFT).count();
            assertEquals(1, joins, actor);
            assertEquals(1, leaves, actor);
        }
        assertTrue(sink.threads().stream().allMatch(t -> t.startsWith("vert.x-eventloop-thread-")),
                "the footprint is emitted on the lessons' event loops, media callbacks included: " + sink.threads());
    }

    @Test
    void aCrashedSocketLeavesWithItsOpenCameraClosed() {
        JsonObject lesson = f.createLesson("Crash", "T");
        String lessonId = lesson.getString("lessonId");
        TestClient teacher = f.joined(lesson.getString("teacherToken"), "x");
        teacher.send(mediaState(true, false));
        sink.await(lessonId, CAMERA_ON, teacher.participantId());
        TestClient s = f.joined(lesson.getString("studentToken"), "Aru");
        teacher.next("participant-joined");
        f.time.advanceMillis(2000);
        long at = f.time.epochMillis();
        s.close();
        teacher.next("participant-left");
        assertEquals(at, sink.await(lessonId, LEFT, s.participantId()).timestamp());
        assertTrue(sink.of(lessonId, REMOVED).isEmpty());

        f.time.advanceMillis(1000);
        teacher.close();
        assertEquals(at + 1000, sink.await(lessonId, CAMERA_OFF, teacher.participantId()).timestamp());
        sink.await(lessonId, LEFT, teacher.participantId());
        assertTrue(sink.of(lessonId, LESSON_ENDED).isEmpty(), "nobody ended the lesson: " + sink.summary());
    }

    @Test
    void connectionQualityIsSampledAtMostOncePerInterval() {
        JsonObject lesson = f.createLesson("Quality", "T");
        String lessonId = lesson.getString("lessonId");
        TestClient teacher = f.joined(lesson.getString("teacherToken"), "x");
        TestClient s = f.joined(lesson.getString("studentToken"), "Aru");
        teacher.next("participant-joined");
        MediaRoomListener room = f.media.room(lessonId).listener();
        ConnectionQuality poor = new ConnectionQuality(2, 7.5, 180, 30, 400, true);
        for (int i = 0; i < 5; i++) {
            room.onConnectionQuality(s.participantId(), poor);
            teacher.next("connection-quality");
            f.time.advanceMillis(2000);
        }
        FootprintEvent first = sink.await(lessonId, CONNECTION_QUALITY, s.participantId());
        assertEquals(2, first.result().quality().score());
        assertEquals(7.5, first.result().quality().lossPercent());
        assertEquals(180, first.result().quality().rttMs());
        assertEquals(30, first.result().quality().jitterMs());
        assertEquals(1, sink.of(lessonId, CONNECTION_QUALITY).size(), "five samples in 10 s: one reaches the footprint");
        room.onConnectionQuality(s.participantId(), new ConnectionQuality(5, 0, -1, -1, -1, false));
        teacher.next("connection-quality");
        List<FootprintEvent> q = sink.of(lessonId, CONNECTION_QUALITY);
        assertEquals(2, q.size(), sink.summary());
        assertEquals(-1, q.get(1).result().quality().rttMs());
        assertNotEquals(q.get(0).eventId(), q.get(1).eventId());
    }

    @Test
    void aRejoinIsASecondAttendanceOfTheSameAccount() {
        JsonObject lesson = f.createLesson("Rejoin", "T");
        String lessonId = lesson.getString("lessonId");
        String account = UUID.randomUUID().toString();
        String personal = tokens.issue(lessonId, Role.STUDENT, Duration.ofHours(1), account, "Bolat").token();
        TestClient first = f.joined(personal, "");
        first.send(new JsonObject().put("type", "leave"));
        first.awaitClosed();
        sink.await(lessonId, LEFT, account);
        TestClient second = f.joined(personal, "");
        assertNotEquals(first.participantId(), second.participantId());
        assertEquals(2, sink.of(lessonId, JOINED).size(), "JOINED is recorded before the client hears joined");
        Set<UUID> ids = new HashSet<>();
        for (FootprintEvent e : sink.of(lessonId, JOINED)) {
            assertEquals(account, e.actor().id());
            ids.add(e.eventId());
        }
        assertEquals(2, ids.size(), "two attendances, two events");
        assertTrue(sink.of(lessonId, LESSON_STARTED).isEmpty(), "no teacher came");
    }
}
