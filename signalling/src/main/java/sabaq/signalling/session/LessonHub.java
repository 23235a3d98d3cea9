package sabaq.signalling.session;

import sabaq.signalling.lesson.Role;
import sabaq.common.footprint.FootprintSink;
import sabaq.common.media.ConnectionQuality;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.media.MediaBackend;
import sabaq.common.media.MediaConnectionState;
import sabaq.common.media.MediaPeer;
import sabaq.common.media.MediaRoom;
import sabaq.common.time.TimeSource;
import sabaq.signalling.lesson.LeaveReason;
import sabaq.signalling.lesson.Lesson;
import sabaq.signalling.lesson.LessonIds;
import sabaq.signalling.lesson.LessonOwner;
import sabaq.signalling.lesson.Participant;
import sabaq.signalling.lesson.Track;
import sabaq.signalling.protocol.ServerMessages;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The owner of one lesson: its {@link Lesson} state, its SFU room and its joined sockets. Every state change runs on
 * one Vert.x context (the event loop of the server instance that created the lesson), whatever event loop a socket
 * or a media callback arrives on: callers hand work over with {@link #run} or {@link #call}, so the lesson needs no
 * locks and sees events in the order they were handed over from any one thread.
 */
public final class LessonHub {
    private static final Logger log = LoggerFactory.getLogger(LessonHub.class);

    private final Lesson lesson;
    private final LessonOwner owner;
    private final Context context;
    private final MediaBackend backend;
    private final TimeSource time;
    private final LessonIds ids = new LessonIds();
    private final LessonFootprint footprint;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Map<ClientSession, Member> bySession = new IdentityHashMap<>();
    private MediaRoom room;
    private boolean closed;
    private boolean recordingActive;
    private String activeSpeaker;

    LessonHub(Lesson lesson, LessonOwner owner, Context context, MediaBackend backend, TimeSource time,
              FootprintSink footprintSink, long qualityIntervalNanos) {
        this.lesson = Objects.requireNonNull(lesson, "lesson");
        this.owner = owner;
        this.context = Objects.requireNonNull(context, "context");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.time = Objects.requireNonNull(time, "time");
        this.footprint = new LessonFootprint(lesson.id(), owner, footprintSink, time, qualityIntervalNanos);
    }

    /** The lesson state; only on this hub's context. */
    public Lesson lesson() {
        return lesson;
    }

    public String id() {
        return lesson.id();
    }

    /** The organisation, group and teacher of a lesson created by a signed-in teacher; null for a guest lesson. */
    public LessonOwner owner() {
        return owner;
    }

    public Context context() {
        return context;
    }

    TimeSource time() {
        return time;
    }

    /** The lesson's digital footprint; lesson context only. */
    LessonFootprint footprint() {
        return footprint;
    }

    /** Runs {@code task} on the lesson's context; a fault is logged as an incident and does not stop the lesson. */
    public void run(Runnable task) {
        context.runOnContext(v -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                Incidents.report(log, "lesson " + lesson.id() + " task failed", e);
            }
        });
    }

    /**
     * Computes a value on the lesson's context and completes the returned future on the caller's context (or on the
     * lesson's context when the caller is not on a Vert.x thread).
     */
    public <T> Future<T> call(Supplier<T> task) {
        Context caller = Vertx.currentContext();
        Promise<T> promise = Promise.promise();
        context.runOnContext(v -> {
            T result;
            try {
                result = task.get();
            } catch (RuntimeException e) {
                complete(caller, () -> promise.fail(e));
                return;
            }
            complete(caller, () -> promise.complete(result));
        });
        return promise.future();
    }

    private static void complete(Context caller, Runnable completion) {
        if (caller == null) {
            completion.run();
        } else {
            caller.runOnContext(v -> completion.run());
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** True while the lesson is being recorded (the REC indicator of every page). Lesson context only. */
    public boolean recordingActive() {
        return recordingActive;
    }

    /** Sets the REC state; true when it changed. Lesson context only. */
    public boolean recordingActive(boolean active) {
        boolean changed = recordingActive != active;
        recordingActive = active;
        return changed;
    }

    /** Sends a message to every joined participant. Lesson context only. */
    public void broadcastToAll(JsonObject message) {
        broadcast(message);
    }

    /** The SFU room, opened on the first join. */
    MediaRoom mediaRoom() {
        if (room == null) room = backend.openRoom(lesson.id(), new HubMediaListener(this));
        return room;
    }

    String newParticipantId() {
        String id;
        do {
            id = ids.participantId();
        } while (lesson.participant(id) != null);
        return id;
    }

    String newClientId() {
        return ids.clientId();
    }

    Member addMember(Participant p, ClientSession session, MediaPeer peer) {
        Member m = new Member(p, session, peer);
        lesson.addParticipant(p);
        members.put(p.id(), m);
        bySession.put(session, m);
        footprint.joined(p);
        return m;
    }

    Member member(ClientSession session) {
        return bySession.get(session);
    }

    Member member(String participantId) {
        return members.get(participantId);
    }

    Collection<Member> members() {
        return new ArrayList<>(members.values());
    }

    void broadcast(JsonObject message) {
        String text = message.encode();
        for (Member m : members.values()) m.session().sendText(text);
    }

    void broadcastExcept(JsonObject message, Member except) {
        String text = message.encode();
        for (Member m : members.values()) if (m != except) m.session().sendText(text);
    }

    void broadcastTracks() {
        broadcast(ServerMessages.tracks(lesson.tracks()));
    }

    /** Takes a member out of the lesson: its tracks go, its SFU peer closes, the others are told. */
    void removeMember(Member m, LeaveReason reason) {
        if (members.remove(m.id()) == null) return;
        bySession.remove(m.session());
        footprint.left(m.participant(), reason);
        List<Track> gone = lesson.removeTracksOf(m.id());
        lesson.removeParticipant(m.id());
        m.closePeer();
        log.debug("lesson {}: participant {} left ({})", lesson.id(), m.id(), reason);
        broadcast(ServerMessages.participantLeft(m.id(), reason));
        if (!gone.isEmpty()) broadcastTracks();
    }

    /** The socket closed: a joined participant leaves with reason {@code disconnected}. */
    void disconnect(ClientSession session) {
        Member m = bySession.get(session);
        if (m != null) removeMember(m, LeaveReason.DISCONNECTED);
    }

    /** A teacher ended the lesson: everyone is told, sockets and the SFU room close, later joins are refused. */
    void end(Member by) {
        lesson.end(time.epochMillis());
        footprint.ended(participants(), by.participant());
        broadcast(ServerMessages.lessonEnded());
        closeAll(ClientSession.NORMAL, "lesson ended");
        log.info("lesson {} ended", lesson.id());
    }

    /** Server shutdown or sweep: sockets and the SFU room close without a lesson-ended message. */
    void shutdown() {
        closeAll(ClientSession.GOING_AWAY, "server closing lesson");
    }

    private List<Participant> participants() {
        List<Participant> out = new ArrayList<>();
        for (Member m : members.values()) out.add(m.participant());
        return out;
    }

    private void closeAll(short status, String reason) {
        footprint.ended(participants(), null);
        closed = true;
        for (Member m : members.values()) {
            lesson.removeParticipant(m.id());
            m.closePeer();
            m.session().close(status, reason);
        }
        members.clear();
        bySession.clear();
        if (room != null) {
            try {
                room.close();
            } catch (RuntimeException e) {
                log.warn("media room {} failed to close", lesson.id(), e);
            }
        }
    }

    /** True when the lesson can be forgotten: ended long enough ago, or empty with every join link expired. */
    boolean isStale(long nowMillis, long tokenTtlMillis, long endedRetentionMillis) {
        if (!lesson.isLive()) return nowMillis - lesson.endedAtMillis() >= endedRetentionMillis;
        return members.isEmpty() && nowMillis - lesson.createdAtMillis() >= tokenTtlMillis;
    }

    void onConnectionState(String peerId, MediaConnectionState state) {
        Member m = members.get(peerId);
        if (closed || m == null || state == null || m.participant().connection() == state) return;
        m.participant().connection(state);
        broadcast(ServerMessages.mediaConnection(peerId, state));
    }

    /** A participant's connection quality: to the teachers (who watch the class) and to the participant. */
    void onConnectionQuality(String peerId, ConnectionQuality q) {
        Member m = members.get(peerId);
        if (closed || m == null) return;
        m.participant().quality(q);
        footprint.quality(m.participant(), q);
        JsonObject msg = ServerMessages.connectionQuality(peerId, q);
        for (Member other : members.values()) {
            if (other == m || other.participant().role() == Role.TEACHER) other.session().send(msg);
        }
    }

    void onActiveSpeaker(String peerId) {
        if (closed || Objects.equals(peerId, activeSpeaker)) return;
        if (peerId != null && !members.containsKey(peerId)) return;
        Member previous = activeSpeaker == null ? null : members.get(activeSpeaker);
        Member current = peerId == null ? null : members.get(peerId);
        footprint.activeSpeaker(current == null ? null : current.participant(),
                previous == null ? null : previous.participant());
        activeSpeaker = peerId;
        broadcast(ServerMessages.activeSpeaker(peerId));
    }
}
