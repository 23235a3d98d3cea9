package sabaq.signalling.session;

import io.vertx.core.json.JsonObject;
import sabaq.common.time.TimeSource;
import sabaq.signalling.lesson.ChatMessage;
import sabaq.signalling.lesson.LeaveReason;
import sabaq.signalling.lesson.Lesson;
import sabaq.signalling.lesson.LessonAction;
import sabaq.signalling.lesson.Participant;
import sabaq.signalling.lesson.TextRules;
import sabaq.signalling.protocol.Fields;
import sabaq.signalling.protocol.ProtocolException;
import sabaq.signalling.protocol.ServerMessages;

/** Requests about the sender itself: {@code media-state}, {@code chat}, {@code hand}, {@code unmute}, {@code leave}. */
final class MemberRequests {
    /** Raw chat text may carry control characters that are stripped; refuse absurd sizes before cleaning. */
    private static final int MAX_RAW_CHAT = TextRules.MAX_CHAT * 4;

    private final TimeSource time;

    MemberRequests(TimeSource time) {
        this.time = time;
    }

    void mediaState(LessonHub hub, Member m, JsonObject msg) {
        LessonRequests.require(m, LessonAction.MEDIA_STATE);
        boolean camera = Fields.bool(msg, "camera");
        boolean microphone = Fields.bool(msg, "microphone");
        Participant p = m.participant();
        if (p.camera() == camera && p.microphone() == microphone) return;
        p.camera(camera);
        p.microphone(microphone);
        hub.footprint().mediaChanged(p);
        hub.broadcast(ServerMessages.participantUpdated(p));
    }

    /** Audio only (a student on a poor line): the SFU then sends this participant no video at all. */
    void receiveMode(LessonHub hub, Member m, JsonObject msg) {
        LessonRequests.require(m, LessonAction.RECEIVE_MODE);
        boolean audioOnly = Fields.bool(msg, "audioOnly");
        Participant p = m.participant();
        if (p.audioOnly() == audioOnly) return;
        p.audioOnly(audioOnly);
        m.peer().setAudioOnly(audioOnly);
        hub.broadcast(ServerMessages.participantUpdated(p));
    }

    void chat(LessonHub hub, Member m, JsonObject msg) {
        LessonRequests.require(m, LessonAction.CHAT);
        String text = TextRules.chat(Fields.string(msg, "text", 1, MAX_RAW_CHAT), TextRules.MAX_CHAT);
        if (text == null) {
            throw ProtocolException.badRequest("text must be 1 to " + TextRules.MAX_CHAT + " characters");
        }
        Lesson lesson = hub.lesson();
        Participant p = m.participant();
        ChatMessage c = new ChatMessage(lesson.nextChatId(), p.id(), p.name(), p.role(), text, time.epochMillis());
        lesson.addChat(c);
        hub.footprint().chatSent(p, text.codePointCount(0, text.length()));
        hub.broadcast(ServerMessages.chat(c));
    }

    void hand(LessonHub hub, Member m, JsonObject msg) {
        LessonRequests.require(m, LessonAction.HAND);
        boolean raised = Fields.bool(msg, "raised");
        Participant p = m.participant();
        if (p.handRaised() == raised) return;
        p.handRaised(raised);
        if (raised) hub.footprint().handRaised(p);
        hub.broadcast(ServerMessages.participantUpdated(p));
    }

    void unmute(LessonHub hub, Member m) {
        LessonRequests.require(m, LessonAction.UNMUTE);
        Participant p = m.participant();
        if (!p.muted()) return;
        p.muted(false);
        m.resume(m.microphoneTrackId());
        hub.footprint().mediaChanged(p);
        hub.broadcast(ServerMessages.participantUpdated(p));
    }

    void leave(LessonHub hub, Member m) {
        LessonRequests.require(m, LessonAction.LEAVE);
        hub.removeMember(m, LeaveReason.LEFT);
        m.session().close(ClientSession.NORMAL, "left");
    }
}
