package sabaq.signalling.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import sabaq.common.media.ConnectionQuality;
import sabaq.common.media.MediaConnectionState;
import sabaq.signalling.lesson.ChatMessage;
import sabaq.signalling.lesson.LeaveReason;
import sabaq.signalling.lesson.Lesson;
import sabaq.signalling.lesson.Participant;
import sabaq.signalling.lesson.Track;

import java.util.Collection;
import java.util.Locale;

/** Builders of the server → client messages of docs/protocol.md section 2.2. */
public final class ServerMessages {
    private ServerMessages() {
    }

    private static JsonObject message(String type) {
        return new JsonObject().put("type", type);
    }

    private static JsonObject withRequestId(JsonObject m, String requestId) {
        if (requestId != null) m.put("requestId", requestId);
        return m;
    }

    public static JsonObject joined(Participant self, Lesson lesson, String requestId) {
        JsonArray participants = new JsonArray();
        for (Participant p : lesson.participants()) participants.add(participant(p));
        JsonArray chat = new JsonArray();
        for (ChatMessage c : lesson.chatHistory()) chat.add(chatFields(new JsonObject(), c));
        JsonObject m = message("joined")
                .put("participantId", self.id())
                .put("clientId", self.clientId())
                .put("role", self.role().wireName())
                .put("lesson", new JsonObject()
                        .put("id", lesson.id())
                        .put("title", lesson.title())
                        .put("teacherName", lesson.teacherName())
                        .put("state", lesson.state().wireName()))
                .put("participants", participants)
                .put("tracks", trackArray(lesson.tracks()))
                .put("chat", chat);
        return withRequestId(m, requestId);
    }

    public static JsonObject answer(String sdp, String requestId) {
        return withRequestId(message("answer").put("sdp", sdp), requestId);
    }

    public static JsonObject participantJoined(Participant p) {
        return message("participant-joined").put("participant", participant(p));
    }

    public static JsonObject participantUpdated(Participant p) {
        return message("participant-updated").put("participant", participant(p));
    }

    public static JsonObject participantLeft(String participantId, LeaveReason reason) {
        return message("participant-left").put("participantId", participantId).put("reason", reason.wireName());
    }

    public static JsonObject tracks(Collection<Track> tracks) {
        return message("tracks").put("tracks", trackArray(tracks));
    }

    public static JsonObject chat(ChatMessage c) {
        return chatFields(message("chat"), c);
    }

    public static JsonObject floor(boolean granted) {
        return message("floor").put("granted", granted);
    }

    public static JsonObject muted(String byParticipantId) {
        return message("muted").put("by", byParticipantId);
    }

    public static JsonObject removed() {
        return message("removed");
    }

    public static JsonObject lessonEnded() {
        return message("lesson-ended");
    }

    public static JsonObject activeSpeaker(String participantId) {
        return message("active-speaker").put("participantId", participantId);
    }

    public static JsonObject connectionQuality(String participantId, ConnectionQuality q) {
        return message("connection-quality").put("participantId", participantId).put("quality", quality(q));
    }

    private static JsonObject quality(ConnectionQuality q) {
        return new JsonObject().put("score", q.score()).put("lossPercent", q.lossPercent()).put("rttMs", q.rttMillis())
                .put("jitterMs", q.jitterMillis()).put("availableKbps", q.availableKbps())
                .put("receivingVideo", q.receivingVideo());
    }

    public static JsonObject mediaConnection(String participantId, MediaConnectionState state) {
        return message("media-connection").put("participantId", participantId).put("state", wire(state));
    }

    public static JsonObject pong(String requestId) {
        return withRequestId(message("pong"), requestId);
    }

    public static JsonObject error(ErrorCode code, String text, String requestId) {
        return withRequestId(message("error").put("code", code.name()).put("message", text), requestId);
    }

    public static JsonObject participant(Participant p) {
        return new JsonObject()
                .put("id", p.id())
                .put("name", p.name())
                .put("role", p.role().wireName())
                .put("handRaised", p.handRaised())
                .put("hasFloor", p.hasFloor())
                .put("muted", p.muted())
                .put("camera", p.camera())
                .put("microphone", p.microphone())
                .put("connection", wire(p.connection()))
                .put("audioOnly", p.audioOnly());
    }

    public static JsonObject track(Track t) {
        return new JsonObject()
                .put("trackId", t.trackId())
                .put("participantId", t.participantId())
                .put("kind", t.kind().sdpName())
                .put("source", t.source().wireName());
    }

    private static JsonArray trackArray(Collection<Track> tracks) {
        JsonArray a = new JsonArray();
        for (Track t : tracks) a.add(track(t));
        return a;
    }

    private static JsonObject chatFields(JsonObject target, ChatMessage c) {
        return target.put("id", c.id())
                .put("participantId", c.participantId())
                .put("name", c.name())
                .put("role", c.role().wireName())
                .put("text", c.text())
                .put("ts", c.ts());
    }

    private static String wire(MediaConnectionState s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
