package sabaq.signalling.session;

import io.vertx.core.Context;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.signalling.protocol.ErrorCode;
import sabaq.signalling.protocol.ServerMessages;

import java.util.Objects;

/**
 * One WebSocket connection. Its join state and lesson binding are confined to the socket's own context; sending and
 * closing may be called from any thread (the lesson's context sends broadcasts). A connection whose send queue
 * exceeds its limit (a client that does not read) is closed instead of buffering without bound.
 */
public final class ClientSession {
    private static final Logger log = LoggerFactory.getLogger(ClientSession.class);

    /** WebSocket close status 1008, policy violation (RFC 6455 section 7.4.1). */
    public static final short POLICY_VIOLATION = 1008;
    /** WebSocket close status 1000, normal closure. */
    public static final short NORMAL = 1000;
    /** WebSocket close status 1001, going away (server shutting down). */
    public static final short GOING_AWAY = 1001;

    /** Join state as seen by the socket's context. */
    public enum State { CONNECTED, JOINING, JOINED, CLOSED }

    private final ServerWebSocket socket;
    private final Context context;
    private final SessionMeters meters;
    private State state = State.CONNECTED;
    private LessonHub hub;

    public ClientSession(ServerWebSocket socket, Context context) {
        this(socket, context, SessionMeters.NONE);
    }

    public ClientSession(ServerWebSocket socket, Context context, SessionMeters meters) {
        this.socket = Objects.requireNonNull(socket, "socket");
        this.context = Objects.requireNonNull(context, "context");
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    /** Socket context only. */
    public State state() {
        return state;
    }

    /** The lesson this socket joined or is joining, or null. Socket context only. */
    public LessonHub hub() {
        return hub;
    }

    void beginJoin(LessonHub target) {
        state = State.JOINING;
        hub = target;
    }

    void joinSucceeded() {
        if (state == State.JOINING) state = State.JOINED;
    }

    void joinFailed() {
        if (state == State.JOINING) {
            state = State.CONNECTED;
            hub = null;
        }
    }

    /** Marks the socket closed; returns the lesson to leave, if any. Socket context only. */
    LessonHub markClosed() {
        state = State.CLOSED;
        return hub;
    }

    /** Runs {@code task} on the socket's context. */
    void onSocketContext(Runnable task) {
        context.runOnContext(v -> task.run());
    }

    public void send(JsonObject message) {
        sendText(message.encode());
    }

    public void sendError(ErrorCode code, String text, String requestId) {
        meters.errorSent(code);
        send(ServerMessages.error(code, text, requestId));
    }

    /** Sends an encoded message; dropped when the socket is closed. Any thread. */
    public void sendText(String text) {
        if (socket.isClosed()) return;
        try {
            if (socket.writeQueueFull()) {
                log.warn("closing {}: send queue full (client does not read)", socket.remoteAddress());
                close(POLICY_VIOLATION, "send queue full");
                return;
            }
            socket.writeTextMessage(text);
        } catch (IllegalStateException closedMeanwhile) {
            log.debug("socket closed while sending", closedMeanwhile);
        }
    }

    /** Closes the connection with a WebSocket close status. Any thread; idempotent. */
    public void close(short status, String reason) {
        if (!socket.isClosed()) socket.close(status, reason);
    }

    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public String toString() {
        return "ClientSession[" + socket.remoteAddress() + "]";
    }
}
