package sabaq.signalling.session;

import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.signalling.lesson.LeaveReason;
import sabaq.signalling.lesson.LessonAction;
import sabaq.signalling.lesson.Participant;
import sabaq.signalling.lesson.Role;
import sabaq.signalling.lesson.Track;
import sabaq.signalling.protocol.ErrorCode;
import sabaq.signalling.protocol.Fields;
import sabaq.signalling.protocol.ProtocolException;
import sabaq.signalling.protocol.ServerMessages;

import java.util.List;

/** Moderation: {@code grant-floor}, {@code mute}, {@code remove}, {@code end-lesson}. */
final class TeacherRequests {
    private static final Logger log = LoggerFactory.getLogger(TeacherRequests.class);

    /**
     * Granting the floor lowers the student's hand and lifts a mute; revoking it takes the student's published tracks
     * out of the lesson (and pauses them in the SFU until the client renegotiates without them).
     */
    void grantFloor(LessonHub hub, Member teacher, JsonObject msg) {
        LessonRequests.require(teacher, LessonAction.GRANT_FLOOR);
        boolean granted = Fields.bool(msg, "granted");
        Member target = student(hub, msg);
        Participant p = target.participant();
        boolean tracksChanged = false;
        if (granted) {
            p.hasFloor(true);
            p.handRaised(false);
            if (p.muted()) {
                p.muted(false);
                target.resume(target.microphoneTrackId());
            }
        } else {
            p.hasFloor(false);
            List<Track> gone = hub.lesson().removeTracksOf(p.id());
            for (Track t : gone) target.pause(t.trackId());
            tracksChanged = !gone.isEmpty();
        }
        if (granted) {
            hub.footprint().floorGranted(p);
        } else {
            hub.footprint().mediaChanged(p);
        }
        target.session().send(ServerMessages.floor(granted));
        hub.broadcast(ServerMessages.participantUpdated(p));
        if (tracksChanged) hub.broadcastTracks();
    }

    void mute(LessonHub hub, Member teacher, JsonObject msg) {
        LessonRequests.require(teacher, LessonAction.MUTE);
        Member target = student(hub, msg);
        Participant p = target.participant();
        p.muted(true);
        String mic = target.microphoneTrackId();
        if (hub.lesson().track(mic) != null) target.pause(mic);
        hub.footprint().mediaChanged(p);
        target.session().send(ServerMessages.muted(teacher.id()));
        hub.broadcast(ServerMessages.participantUpdated(p));
    }

    /** The removed browser session ({@code clientId}) may not join this lesson again. */
    void remove(LessonHub hub, Member teacher, JsonObject msg) {
        LessonRequests.require(teacher, LessonAction.REMOVE);
        Member target = target(hub, msg);
        if (target.participant().role() == Role.TEACHER) {
            throw new ProtocolException(ErrorCode.FORBIDDEN, "a teacher cannot be removed");
        }
        hub.lesson().markRemoved(target.participant().clientId());
        target.session().send(ServerMessages.removed());
        hub.removeMember(target, LeaveReason.REMOVED);
        target.session().close(ClientSession.NORMAL, "removed");
        log.info("lesson {}: {} removed {}", hub.id(), teacher.id(), target.id());
    }

    void endLesson(LessonHub hub, Member teacher) {
        LessonRequests.require(teacher, LessonAction.END_LESSON);
        hub.end(teacher);
    }

    private static Member target(LessonHub hub, JsonObject msg) {
        String id = Fields.string(msg, "participantId", 1, 64);
        Member target = hub.member(id);
        if (target == null) throw new ProtocolException(ErrorCode.PARTICIPANT_NOT_FOUND, "no participant " + id + " in this lesson");
        return target;
    }

    private static Member student(LessonHub hub, JsonObject msg) {
        Member target = target(hub, msg);
        if (target.participant().role() != Role.STUDENT) throw ProtocolException.badRequest("the target must be a student");
        return target;
    }
}
