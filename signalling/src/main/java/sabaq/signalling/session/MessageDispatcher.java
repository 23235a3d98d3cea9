package sabaq.signalling.session;

import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.signalling.protocol.ErrorCode;
import sabaq.signalling.protocol.Fields;
import sabaq.signalling.protocol.ProtocolException;
import sabaq.signalling.protocol.ServerMessages;

import java.util.Objects;

/**
 * Entry point for parsed client messages, called on the socket's context: reads {@code requestId} and {@code type},
 * answers {@code ping}, starts {@code join}, and hands every other request of a joined socket to its lesson's context
 * in arrival order. Refusals become {@code error} replies; faults become {@code INTERNAL} with an incident id. Nothing
 * a client sends can stop the socket or the lesson.
 */
public final class MessageDispatcher {
    private static final Logger log = LoggerFactory.getLogger(MessageDispatcher.class);
    /** Longest accepted {@code requestId}. */
    public static final int MAX_REQUEST_ID = 64;

    private final JoinHandler joins;
    private final LessonRequests lessonRequests;

    public MessageDispatcher(JoinHandler joins, LessonRequests lessonRequests) {
        this.joins = Objects.requireNonNull(joins, "joins");
        this.lessonRequests = Objects.requireNonNull(lessonRequests, "lessonRequests");
    }

    /** A JSON object arrived on the socket. Socket context. */
    public void onMessage(ClientSession session, JsonObject message) {
        String requestId;
        try {
            requestId = Fields.optionalString(message, "requestId", 0, MAX_REQUEST_ID);
        } catch (ProtocolException e) {
            session.sendError(e.code(), e.getMessage(), null);
            return;
        }
        try {
            String typeName = Fields.string(message, "type", 1, 64);
            RequestType type = RequestType.fromWire(typeName)
                    .orElseThrow(() -> new ProtocolException(ErrorCode.UNKNOWN_TYPE, "unknown type: " + typeName));
            switch (type) {
                case PING:
                    session.send(ServerMessages.pong(requestId));
                    return;
                case JOIN:
                    joins.join(session, message, requestId);
                    return;
                default:
                    LessonHub hub = session.hub();
                    if (hub == null) throw new ProtocolException(ErrorCode.NOT_JOINED, "send join first");
                    hub.run(() -> lessonRequests.handle(hub, session, type, message, requestId));
            }
        } catch (ProtocolException e) {
            session.sendError(e.code(), e.getMessage(), requestId);
        } catch (RuntimeException e) {
            session.sendError(ErrorCode.INTERNAL, Incidents.report(log, "message from " + session, e), requestId);
        }
    }

    /** The socket closed. Socket context. */
    public void onClose(ClientSession session) {
        LessonHub hub = session.markClosed();
        if (hub != null) hub.run(() -> hub.disconnect(session));
    }
}
