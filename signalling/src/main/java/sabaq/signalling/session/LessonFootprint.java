package sabaq.signalling.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.footprint.FootprintActor;
import sabaq.common.footprint.FootprintCheck;
import sabaq.common.footprint.FootprintContext;
import sabaq.common.footprint.FootprintEvent;
import sabaq.common.footprint.FootprintResult;
import sabaq.common.footprint.FootprintRole;
import sabaq.common.footprint.FootprintSink;
import sabaq.common.footprint.FootprintVerb;
import sabaq.common.footprint.QualitySample;
import sabaq.common.media.ConnectionQuality;
import sabaq.common.time.TimeSource;
import sabaq.signalling.lesson.LeaveReason;
import sabaq.signalling.lesson.LessonAction;
import sabaq.signalling.lesson.LessonOwner;
import sabaq.signalling.lesson.Participant;
import sabaq.signalling.lesson.Permissions;
import sabaq.signalling.lesson.Role;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The digital footprint of one lesson (docs/footprint.md): turns what happens in the {@link LessonHub} into
 * {@link FootprintEvent}s for the {@link FootprintSink}. Confined to the lesson's context, like the hub.
 *
 * <p>The actor of every event is the member the hub attributes the action to (the socket that sent it, or the student
 * a teacher acted on), never a name or id a client wrote in a message: the account id of a personal join link, else
 * the guest participant id. Camera and microphone are tracked as effective states (the client's {@code media-state},
 * a teacher's mute and the floor together), so every ON has its OFF, at the latest when the member leaves. Speaking
 * time comes from the SFU's active speaker (RFC 6464 audio levels): a SPOKE event covers one stretch during which the
 * member was the active speaker. Connection quality samples are kept to one per member per {@code qualityIntervalNanos}.
 * Event ids derive from the lesson, the actor and a per-lesson sequence, so a replayed event is the same event.
 */
final class LessonFootprint {
    private static final Logger log = LoggerFactory.getLogger(LessonFootprint.class);

    private final String lessonId;
    private final LessonOwner owner;
    private final FootprintSink sink;
    private final TimeSource time;
    private final long qualityIntervalNanos;
    private final Map<String, Trail> trails = new HashMap<>();
    private long sequence;
    private boolean started;
    private boolean ended;
    private Participant startedBy;
    private String speaker;
    private long speakingSince;

    LessonFootprint(String lessonId, LessonOwner owner, FootprintSink sink, TimeSource time, long qualityIntervalNanos) {
        this.lessonId = Objects.requireNonNull(lessonId, "lessonId");
        this.owner = owner;
        this.sink = Objects.requireNonNull(sink, "sink");
        this.time = Objects.requireNonNull(time, "time");
        this.qualityIntervalNanos = qualityIntervalNanos;
    }

    /** What the footprint last said about one member. */
    private static final class Trail {
        boolean camera;
        boolean microphone;
        long lastQualityNanos;
        boolean qualitySent;
    }

    /** A member was admitted: LESSON_STARTED at the first teacher, then JOINED and its media state. */
    void joined(Participant p) {
        long now = time.epochMillis();
        if (p.role() == Role.TEACHER && !started) {
            started = true;
            startedBy = p;
            emit(p, FootprintVerb.LESSON_STARTED, now, FootprintResult.NONE);
        }
        trails.put(p.id(), new Trail());
        emit(p, FootprintVerb.JOINED, now, FootprintResult.NONE);
        mediaChanged(p);
    }

    /** Re-reads the member's effective camera and microphone state and emits what changed. */
    void mediaChanged(Participant p) {
        Trail t = trails.get(p.id());
        if (t == null) return;
        boolean mayPublish = Permissions.allows(p, LessonAction.PUBLISH);
        boolean camera = p.camera() && mayPublish;
        boolean microphone = p.microphone() && !p.muted() && mayPublish;
        long now = time.epochMillis();
        if (camera != t.camera) {
            t.camera = camera;
            emit(p, camera ? FootprintVerb.CAMERA_ON : FootprintVerb.CAMERA_OFF, now, FootprintResult.NONE);
        }
        if (microphone != t.microphone) {
            t.microphone = microphone;
            emit(p, microphone ? FootprintVerb.MIC_ON : FootprintVerb.MIC_OFF, now, FootprintResult.NONE);
        }
    }

    void chatSent(Participant p, int length) {
        emit(p, FootprintVerb.CHAT_SENT, time.epochMillis(), FootprintResult.chat(length));
    }

    void handRaised(Participant p) {
        emit(p, FootprintVerb.HAND_RAISED, time.epochMillis(), FootprintResult.NONE);
    }

    /** The student {@code p} was given the floor. */
    void floorGranted(Participant p) {
        emit(p, FootprintVerb.FLOOR_GRANTED, time.epochMillis(), FootprintResult.NONE);
        mediaChanged(p);
    }

    /**
     * A member left (sent {@code leave}, its socket closed, a teacher removed it, or the lesson closed): its open
     * speaking stretch, camera and microphone are closed, REMOVED is said when a teacher removed it, then LEFT.
     */
    void left(Participant p, LeaveReason reason) {
        Trail t = trails.remove(p.id());
        if (t == null) return;
        long now = time.epochMillis();
        if (p.id().equals(speaker)) endSpeaking(p, now);
        if (t.camera) emit(p, FootprintVerb.CAMERA_OFF, now, FootprintResult.NONE);
        if (t.microphone) emit(p, FootprintVerb.MIC_OFF, now, FootprintResult.NONE);
        if (reason == LeaveReason.REMOVED) emit(p, FootprintVerb.REMOVED, now, FootprintResult.NONE);
        emit(p, FootprintVerb.LEFT, now, FootprintResult.NONE);
    }

    /** The SFU's active speaker changed to {@code current} (null: nobody speaks). */
    void activeSpeaker(Participant current, Participant previous) {
        long now = time.epochMillis();
        if (previous != null && previous.id().equals(speaker)) endSpeaking(previous, now);
        if (current != null && trails.containsKey(current.id())) {
            speaker = current.id();
            speakingSince = now;
        } else {
            speaker = null;
        }
    }

    private void endSpeaking(Participant p, long now) {
        long duration = now - speakingSince;
        speaker = null;
        if (duration > 0) emit(p, FootprintVerb.SPOKE, speakingSince, FootprintResult.spoke(duration));
    }

    /** A connection quality sample from the SFU; at most one per member per interval reaches the footprint. */
    void quality(Participant p, ConnectionQuality q) {
        Trail t = trails.get(p.id());
        if (t == null || q == null) return;
        long nowNanos = time.nanoTime();
        if (t.qualitySent && nowNanos - t.lastQualityNanos < qualityIntervalNanos) return;
        t.qualitySent = true;
        t.lastQualityNanos = nowNanos;
        double loss = Math.max(0, Math.min(100, q.lossPercent()));
        QualitySample s = new QualitySample(Math.max(1, Math.min(5, q.score())), loss,
                clampMillis(q.rttMillis()), clampMillis(q.jitterMillis()));
        emit(p, FootprintVerb.CONNECTION_QUALITY, time.epochMillis(), FootprintResult.quality(s));
    }

    private static int clampMillis(int ms) {
        return ms < 0 ? -1 : Math.min(ms, 60_000);
    }

    /**
     * The lesson is over (a teacher ended it, or the server closes it): everyone still in leaves, then LESSON_ENDED,
     * by {@code by} or, when the server closes it, by the teacher who started it. Only once.
     */
    void ended(Iterable<Participant> stillIn, Participant by) {
        if (ended) return;
        for (Participant p : stillIn) left(p, LeaveReason.LEFT);
        ended = true;
        Participant actor = by != null ? by : startedBy;
        if (started && actor != null) emit(actor, FootprintVerb.LESSON_ENDED, time.epochMillis(), FootprintResult.NONE);
    }

    private void emit(Participant p, FootprintVerb verb, long timestamp, FootprintResult result) {
        String actorId = p.userId() != null ? p.userId() : p.id();
        FootprintActor actor = new FootprintActor(actorId, p.name(), p.userId() == null);
        FootprintContext context = owner == null ? new FootprintContext(lessonId, null, null, null, null, role(p.role()))
                : new FootprintContext(lessonId, owner.orgId(), owner.groupId(), owner.programmeId(), owner.disciplineId(),
                role(p.role()));
        FootprintCheck check = FootprintEvent.check(p.id() + ":" + (++sequence), verb, actor, lessonId, timestamp, context,
                result);
        if (!check.valid()) {
            log.warn("lesson {}: footprint {} of {} not recorded: {} {}", lessonId, verb.wireName(), p.id(), check.field(),
                    check.error());
            return;
        }
        try {
            sink.record(check.event());
        } catch (RuntimeException e) {
            log.warn("lesson {}: footprint sink failed", lessonId, e);
        }
    }

    static FootprintRole role(Role r) {
        switch (r) {
            case TEACHER:
                return FootprintRole.TEACHER;
            case STUDENT:
                return FootprintRole.STUDENT;
            default:
                return FootprintRole.OBSERVER;
        }
    }
}
