package sabaq.signalling.session;

import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.time.TimeSource;
import sabaq.signalling.lesson.LessonAction;
import sabaq.signalling.lesson.Permissions;
import sabaq.signalling.protocol.ErrorCode;
import sabaq.signalling.protocol.ProtocolException;
import sabaq.signalling.recording.LessonRecordings;

/**
 * Requests of joined sockets, run on the lesson's context: finds the sender's membership, routes the request to its
 * handler and turns refusals and faults into {@code error} replies to the sender only.
 */
public final class LessonRequests {
    private static final Logger log = LoggerFactory.getLogger(LessonRequests.class);

    private final MediaRequests media = new MediaRequests();
    private final MemberRequests member;
    private final TeacherRequests teacher = new TeacherRequests();

    private final LessonRecordings recordings;

    public LessonRequests(TimeSource time) {
        this(time, null);
    }

    /** With recording: {@code record} requests go to {@code recordings} (null: recording is not available). */
    public LessonRequests(TimeSource time, LessonRecordings recordings) {
        this.member = new MemberRequests(time);
        this.recordings = recordings;
    }

    /** Fails with {@code FORBIDDEN} unless the table in {@link Permissions} lets this member do {@code action}. */
    static void require(Member m, LessonAction action) {
        if (!Permissions.allows(m.participant(), action)) {
            String why = Permissions.grant(m.participant().role(), action) == Permissions.Grant.WITH_FLOOR
                    ? " without the floor" : "";
            throw new ProtocolException(ErrorCode.FORBIDDEN,
                    "a " + m.participant().role().wireName() + why + " may not " + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
    }

    void handle(LessonHub hub, ClientSession session, RequestType type, JsonObject message, String requestId) {
        Member m = hub.member(session);
        try {
            if (m == null) {
                if (!hub.lesson().isLive()) throw new ProtocolException(ErrorCode.LESSON_ENDED, "the lesson has ended");
                throw new ProtocolException(ErrorCode.NOT_JOINED, "send join first");
            }
            route(hub, m, type, message, requestId);
        } catch (ProtocolException e) {
            session.sendError(e.code(), e.getMessage(), requestId);
        } catch (RuntimeException e) {
            session.sendError(ErrorCode.INTERNAL,
                    Incidents.report(log, type.wireName() + " in lesson " + hub.id() + " from " + session, e), requestId);
        }
    }

    private void route(LessonHub hub, Member m, RequestType type, JsonObject msg, String requestId) {
        switch (type) {
            case OFFER:
                media.offer(hub, m, msg, requestId);
                break;
            case UNPUBLISH:
                media.unpublish(hub, m, msg);
                break;
            case MEDIA_STATE:
                member.mediaState(hub, m, msg);
                break;
            case RECEIVE_MODE:
                member.receiveMode(hub, m, msg);
                break;
            case CHAT:
                member.chat(hub, m, msg);
                break;
            case HAND:
                member.hand(hub, m, msg);
                break;
            case UNMUTE:
                member.unmute(hub, m);
                break;
            case LEAVE:
                member.leave(hub, m);
                break;
            case GRANT_FLOOR:
                teacher.grantFloor(hub, m, msg);
                break;
            case MUTE:
                teacher.mute(hub, m, msg);
                break;
            case REMOVE:
                teacher.remove(hub, m, msg);
                break;
            case END_LESSON:
                teacher.endLesson(hub, m);
                break;
            case RECORD:
                require(m, LessonAction.RECORD);
                if (recordings == null) throw new ProtocolException(ErrorCode.RECORDING_UNAVAILABLE, "recording is not available on this server");
                recordings.record(hub, m.session(), requestId);
                break;
            default:
                throw new IllegalStateException("not a request of a joined socket: " + type);
        }
    }
}
