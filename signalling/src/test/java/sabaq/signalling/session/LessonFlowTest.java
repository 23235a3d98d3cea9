package sabaq.signalling.session;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.common.media.MediaConnectionState;
import sabaq.common.media.PublishSpec;
import sabaq.common.media.SubscribeSpec;
import sabaq.common.media.TrackKind;
import sabaq.common.media.TrackSource;
import sabaq.signalling.testing.FakeMediaBackend;
import sabaq.signalling.testing.FakeMediaBackend.FakePeer;
import sabaq.signalling.testing.SignallingFixture;
import sabaq.signalling.testing.TestClient;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole lesson over real HTTP and WebSocket connections, with two server event loops so that sockets of one lesson
 * land on different event loops than the lesson's own.
 */
@ExtendWith(VertxExtension.class)
class LessonFlowTest {
    private static SignallingFixture f;

    @BeforeAll
    static void start(Vertx vertx) {
        f = SignallingFixture.start(vertx, "event-loops = 2");
    }

    @AfterEach
    void closeClients() {
        f.closeClients();
    }

    @AfterAll
    static void stop() {
        f.stop();
    }

    static JsonObject offer(String requestId, JsonArray publish, JsonArray subscribe) {
        return new JsonObject().put("type", "offer").put("requestId", requestId).put("sdp", "v=0\r\ns=offer\r\n")
                .put("publish", publish).put("subscribe", subscribe);
    }

    static JsonObject pub(String mid, String source) {
        return new JsonObject().put("mid", mid).put("source", source);
    }

    static JsonObject sub(String mid, String trackId) {
        return new JsonObject().put("mid", mid).put("trackId", trackId);
    }

    static Set<String> trackIds(JsonObject tracksMessage) {
        return tracksMessage.getJsonArray("tracks").stream()
                .map(o -> ((JsonObject) o).getString("trackId")).collect(Collectors.toSet());
    }

    private FakePeer peer(JsonObject lesson, TestClient c) {
        return f.media.room(lesson.getString("lessonId")).peer(c.participantId());
    }

    @Test
    void participantsJoinChatAndLeave() {
        JsonObject lesson = f.createLesson("Algebra 7A", "Aigerim Bekova");
        TestClient teacher = f.connect();
        teacher.send(new JsonObject().put("type", "join").put("token", lesson.getString("teacherToken"))
                .put("name", "ignored").put("requestId", "j1").put("lang", "kk"));
        JsonObject tj = teacher.next("joined");
        assertEquals("j1", tj.getString("requestId"));
        assertEquals("teacher", tj.getString("role"));
        assertEquals("Algebra 7A", tj.getJsonObject("lesson").getString("title"));
        assertEquals("live", tj.getJsonObject("lesson").getString("state"));
        assertEquals("Aigerim Bekova", tj.getJsonArray("participants").getJsonObject(0).getString("name"));
        teacher.remember(tj);

        TestClient a = f.joined(lesson.getString("studentToken"), "  Dana  ");
        JsonObject aJoined = teacher.next("participant-joined").getJsonObject("participant");
        assertEquals("Dana", aJoined.getString("name"));
        assertEquals("student", aJoined.getString("role"));
        assertEquals(a.participantId(), aJoined.getString("id"));
        assertEquals("new", aJoined.getString("connection"));

        TestClient b = f.joined(lesson.getString("studentToken"), "Erlan");
        assertEquals(b.participantId(), teacher.next("participant-joined").getJsonObject("participant").getString("id"));
        assertEquals(b.participantId(), a.next("participant-joined").getJsonObject("participant").getString("id"));

        TestClient observer = f.connect();
        JsonObject oj = observer.join(lesson.getString("observerToken"), "Inspector");
        assertEquals("observer", oj.getString("role"));
        List<String> roles = oj.getJsonArray("participants").stream()
                .map(o -> ((JsonObject) o).getString("role")).collect(Collectors.toList());
        assertEquals(List.of("teacher", "student", "student", "observer"), roles);
        assertNotEquals(a.clientId(), b.clientId());

        a.chat("  Salem!\u0007 \n");
        for (TestClient c : List.of(teacher, a, b, observer)) {
            JsonObject chat = c.next("chat");
            assertEquals("Salem!", chat.getString("text"));
            assertEquals(a.participantId(), chat.getString("participantId"));
            assertEquals("Dana", chat.getString("name"));
            assertEquals("student", chat.getString("role"));
            assertEquals(f.time.epochMillis(), chat.getLong("ts"));
            assertFalse(chat.getString("id").isEmpty());
        }
        observer.chat("hello");
        observer.error("FORBIDDEN");

        TestClient late = f.joined(lesson.getString("studentToken"), "Late");
        JsonArray history = late.all("joined").get(0).getJsonArray("chat");
        assertEquals(1, history.size());
        assertEquals("Salem!", history.getJsonObject(0).getString("text"));

        b.send(new JsonObject().put("type", "leave"));
        JsonObject left = teacher.next("participant-left");
        assertEquals(b.participantId(), left.getString("participantId"));
        assertEquals("left", left.getString("reason"));
        b.awaitClosed();

        observer.close();
        JsonObject gone = a.next("participant-left");
        assertEquals(b.participantId(), gone.getString("participantId"));
        JsonObject disconnected = a.next("participant-left");
        assertEquals(observer.participantId(), disconnected.getString("participantId"));
        assertEquals("disconnected", disconnected.getString("reason"));
        assertTrue(peer(lesson, observer).closed());

        JsonObject info = f.request(HttpMethod.GET, "/api/lessons/" + lesson.getString("lessonId"), null).json();
        assertEquals(3, info.getInteger("participants"));
    }

    @Test
    void handRaiseIsBroadcast() {
        JsonObject lesson = f.createLesson("Biology", "Teacher");
        TestClient teacher = f.joined(lesson.getString("teacherToken"), "");
        TestClient s = f.joined(lesson.getString("studentToken"), "Aru");
        s.send(new JsonObject().put("type", "hand").put("raised", true));
        for (TestClient c : List.of(teacher, s)) {
            JsonObject p = c.next("participant-updated").getJsonObject("participant");
            assertEquals(s.participantId(), p.getString("id"));
            assertTrue(p.getBoolean("handRaised"));
        }
        teacher.send(new JsonObject().put("type", "hand").put("raised", true));
        teacher.error("FORBIDDEN");
    }

    @Test
    void publishNeedsTheFloorAndTracksFollowIt() {
        JsonObject lesson = f.createLesson("Physics", "Teacher");
        TestClient teacher = f.joined(lesson.getString("teacherToken"), "");
        TestClient s = f.joined(lesson.getString("studentToken"), "Aru");
        JsonArray camMic = new JsonArray().add(pub("0", "camera")).add(pub("1", "microphone"));

        s.send(offer("o1", camMic, new JsonArray()));
        assertEquals("o1", s.error("FORBIDDEN").getString("requestId"));
        assertTrue(peer(lesson, s).negotiations().isEmpty());

        teacher.send(new JsonObject().put("type", "grant-floor").put("participantId", s.participantId()).put("granted", true));
        assertTrue(s.next("floor").getBoolean("granted"));
        assertTrue(teacher.next("participant-updated").getJsonObject("participant").getBoolean("hasFloor"));

        s.send(offer("o2", camMic, new JsonArray()));
        JsonObject answer = s.next("answer");
        assertEquals("o2", answer.getString("requestId"));
        assertEquals(FakeMediaBackend.ANSWER_PREFIX + s.participantId() + "\r\n", answer.getString("sdp"));
        String cam = s.participantId() + ":camera";
        String mic = s.participantId() + ":microphone";
        assertEquals(List.of(new PublishSpec("0", cam, TrackKind.VIDEO, TrackSource.CAMERA),
                        new PublishSpec("1", mic, TrackKind.AUDIO, TrackSource.MICROPHONE)),
                peer(lesson, s).negotiations().get(0).publish());
        JsonObject tracks = teacher.next("tracks");
        assertEquals(Set.of(cam, mic), trackIds(tracks));
        JsonObject camTrack = tracks.getJsonArray("tracks").stream().map(o -> (JsonObject) o)
                .filter(t -> t.getString("trackId").equals(cam)).findFirst().orElseThrow();
        assertEquals("video", camTrack.getString("kind"));
        assertEquals("camera", camTrack.getString("source"));
        assertEquals(s.participantId(), camTrack.getString("participantId"));
        assertEquals(Set.of(cam, mic), trackIds(s.next("tracks")));

        teacher.send(offer("t1", new JsonArray(), new JsonArray().add(sub("0", cam)).add(sub("1", mic))
                .add(sub("2", "nobody00:screen"))));
        teacher.next("answer");
        assertEquals(List.of(new SubscribeSpec("0", cam), new SubscribeSpec("1", mic)),
                peer(lesson, teacher).negotiations().get(0).subscribe());

        s.send(offer("o3", new JsonArray(), new JsonArray().add(sub("0", cam))));
        s.error("BAD_REQUEST");

        teacher.send(new JsonObject().put("type", "grant-floor").put("participantId", s.participantId()).put("granted", false));
        assertFalse(s.next("floor").getBoolean("granted"));
        assertEquals(Set.of(), trackIds(teacher.next("tracks")));
        assertTrue(peer(lesson, s).pauses().contains(new FakeMediaBackend.PauseCall(cam, true)));
        assertTrue(peer(lesson, s).pauses().contains(new FakeMediaBackend.PauseCall(mic, true)));
    }

    @Test
    void aRealBrowserOfferReachesTheMediaBackendUnchanged() throws Exception {
        String sdp;
        try (var in = LessonFlowTest.class.getResourceAsStream("/sdp/chromium-156-simulcast-offer.sdp")) {
            sdp = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonObject lesson = f.createLesson("Real SDP", "Teacher");
        TestClient teacher = f.joined(lesson.getString("teacherToken"), "");
        teacher.send(offer("real", new JsonArray().add(pub("0", "microphone")).add(pub("1", "camera")), new JsonArray())
                .put("sdp", sdp));
        teacher.next("answer");
        FakeMediaBackend.Negotiation n = peer(lesson, teacher).negotiations().get(0);
        assertEquals(sdp, n.offerSdp());
        assertEquals(List.of(TrackSource.MICROPHONE, TrackSource.CAMERA),
                n.publish().stream().map(PublishSpec::source).collect(Collectors.toList()));
    }

    @Test
    void observerMayNotPublish() {
        JsonObject lesson = f.createLesson("History", "Teacher");
        TestClient teacher = f.joined(lesson.getString("teacherToken"), "");
        TestClient o = f.joined(lesson.getString("observerToken"), "Guest");
        o.send(offer("x", new JsonArray().add(pub("0", "screen")), new JsonArray()));
        o.error("FORBIDDEN");
        assertTrue(peer(lesson, o).negotiations().isEmpty());
        o.send(offer("y", new JsonArray(), new JsonArray()));
        o.next("answer");
        teacher.chat("still here");
        assertEquals("still here", o.next("chat").getString("text"));
    }

    @Test
    void teacherMutesAStudentAndTheStudentUnmutes() {
        JsonObject lesson = f.createLesson("Music", "Teacher");
        TestClient teacher = f.joined(lesson.getString("teacherToken"), "");
        TestClient s = f.joined(lesson.getString("studentToken"), "Aru");
        teacher.send(new JsonObject().put("type", "grant-floor").put("participantId", s.participantId()).put("granted", true));
        s.next("floor");
        s.send(offer("o", new JsonArray().add(pub("0", "microphone")), new JsonArray()));
        s.next("answer");
        String mic = s.participantId() + ":microphone";

        teacher.send(new JsonObject().put("type", "mute").put("participantId", s.participantId()));
        assertEquals(teacher.participantId(), s.next("muted").getString("by"));
        JsonObject updated = teacher.next("participant-updated");
        while (!updated.getJsonObject("participant").getBoolean("muted")) updated = teacher.next("participant-updated");
        assertEquals(List.of(new FakeMediaBackend.PauseCall(mic, true)), peer(lesson, s).pauses());

        s.send(new JsonObject().put("type", "unmute"));
        JsonObject after = teacher.next("participant-updated");
        assertFalse(after.getJsonObject("participant").getBoolean("muted"));
        assertEquals(List.of(new FakeMediaBackend.PauseCall(mic, true), new FakeMediaBackend.PauseCall(mic, false)),
                peer(lesson, s).pauses());
    }

    @Test
    void removedStudentCannotRejoinWithTheSameClientId() {
        JsonObject lesson = f.createLesson("Chemistry", "Teacher");
        TestClient teacher = f.joined(lesson.getString("teacherToken"), "");
        TestClient s = f.joined(lesson.getString("studentToken"), "Troll");
        TestClient other = f.joined(lesson.getString("studentToken"), "Nice");

        teacher.send(new JsonObject().put("type", "remove").put("participantId", s.participantId()));
        s.next("removed");
        s.awaitClosed();
        JsonObject left = other.next("participant-left");
        assertEquals(s.participantId(), left.getString("participantId"));
        assertEquals("removed", left.getString("reason"));

        TestClient again = f.connect();
        again.send(new JsonObject().put("type", "join").put("token", lesson.getString("studentToken"))
                .put("name", "Troll").put("clientId", s.clientId()));
        again.error("REMOVED");
        again.send(new JsonObject().put("type", "chat").put("text", "let me in"));
        again.error("NOT_JOINED");

        teacher.send(new JsonObject().put("type", "remove").put("participantId", teacher.participantId()));
        teacher.error("FORBIDDEN");
        teacher.send(new JsonObject().put("type", "remove").put("participantId", "nobody00"));
        teacher.error("PARTICIPANT_NOT_FOUND");
    }

    @Test
    void endLessonClosesEverythingAndRefusesLaterJoins() {
        JsonObject lesson = f.createLesson("Geography", "Teacher");
        TestClient teacher = f.joined(lesson.getString("teacherToken"), "");
        TestClient s = f.joined(lesson.getString("studentToken"), "Aru");
        TestClient o = f.joined(lesson.getString("observerToken"), "Guest");
        teacher.send(new JsonObject().put("type", "end-lesson"));
        for (TestClient c : List.of(teacher, s, o)) {
            c.next("lesson-ended");
            c.awaitClosed();
        }
        assertTrue(f.media.room(lesson.getString("lessonId")).closed());
        TestClient late = f.connect();
        late.send(new JsonObject().put("type", "join").put("token", lesson.getString("studentToken")).put("name", "Late"));
        late.error("LESSON_ENDED");
        JsonObject info = f.request(HttpMethod.GET, "/api/lessons/" + lesson.getString("lessonId"), null).json();
        assertEquals("ended", info.getString("state"));
        assertEquals(0, info.getInteger("participants"));
    }

    @Test
    void tracksGoWhenThePublisherDisconnectsAndTheTeacherMayRejoin() {
        JsonObject lesson = f.createLesson("Art", "Teacher");
        TestClient teacher = f.joined(lesson.getString("teacherToken"), "");
        TestClient s = f.joined(lesson.getString("studentToken"), "Aru");
        teacher.send(offer("t", new JsonArray().add(pub("0", "camera")).add(pub("1", "screen")), new JsonArray()));
        teacher.next("answer");
        String tid = teacher.participantId();
        assertEquals(Set.of(tid + ":camera", tid + ":screen"), trackIds(s.next("tracks")));
        FakePeer teacherPeer = peer(lesson, teacher);

        teacher.close();
        JsonObject left = s.next("participant-left");
        assertEquals(tid, left.getString("participantId"));
        assertEquals("disconnected", left.getString("reason"));
        assertEquals(Set.of(), trackIds(s.next("tracks")));
        assertTrue(teacherPeer.closed());

        TestClient back = f.joined(lesson.getString("teacherToken"), "");
        assertEquals("teacher", s.next("participant-joined").getJsonObject("participant").getString("role"));
        back.chat("I am back");
        assertEquals("I am back", s.next("chat").getString("text"));
    }

    @Test
    void unpublishRemovesOneTrack() {
        JsonObject lesson = f.createLesson("Art 2", "Teacher");
        TestClient teacher = f.joined(lesson.getString("teacherToken"), "");
        TestClient s = f.joined(lesson.getString("studentToken"), "Aru");
        teacher.send(offer("t", new JsonArray().add(pub("0", "camera")).add(pub("1", "screen")), new JsonArray()));
        teacher.next("answer");
        s.next("tracks");
        teacher.send(new JsonObject().put("type", "unpublish").put("source", "screen"));
        assertEquals(Set.of(teacher.participantId() + ":camera"), trackIds(s.next("tracks")));
        assertEquals(List.of(new FakeMediaBackend.PauseCall(teacher.participantId() + ":screen", true)),
                peer(lesson, teacher).pauses());
    }

    @Test
    void mediaEventsReachEveryone() {
        JsonObject lesson = f.createLesson("Media", "Teacher");
        TestClient teacher = f.joined(lesson.getString("teacherToken"), "");
        TestClient s = f.joined(lesson.getString("studentToken"), "Aru");
        var listener = f.media.room(lesson.getString("lessonId")).listener();
        listener.onPeerConnectionState(s.participantId(), MediaConnectionState.CONNECTED);
        JsonObject mc = teacher.next("media-connection");
        assertEquals(s.participantId(), mc.getString("participantId"));
        assertEquals("connected", mc.getString("state"));
        listener.onActiveSpeaker(s.participantId());
        assertEquals(s.participantId(), s.next("active-speaker").getString("participantId"));
        listener.onActiveSpeaker(null);
        assertTrue(teacher.next("active-speaker").containsKey("participantId"));
        listener.onPeerConnectionState("unknown0", MediaConnectionState.FAILED);
        TestClient late = f.joined(lesson.getString("studentToken"), "Late");
        JsonObject sInLate = late.all("joined").get(0).getJsonArray("participants").stream().map(o -> (JsonObject) o)
                .filter(p -> p.getString("id").equals(s.participantId())).findFirst().orElseThrow();
        assertEquals("connected", sInLate.getString("connection"));
    }
}
