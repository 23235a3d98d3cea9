package sabaq.signalling.ws;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.time.TimeSource;
import sabaq.signalling.SignallingConfig;
import sabaq.signalling.protocol.ErrorCode;
import sabaq.signalling.session.ClientSession;
import sabaq.signalling.session.MessageDispatcher;
import sabaq.signalling.session.SessionMeters;

import java.util.Objects;

/**
 * {@code GET /ws}: upgrades to a WebSocket (RFC 6455) and turns its frames into requests for the
 * {@link MessageDispatcher}: messages are reassembled with a size limit, rate limited per socket, refused when binary,
 * oversized or not a JSON object, and a socket that does not join within the join timeout is closed.
 */
public final class WebSocketEndpoint {
    private static final Logger log = LoggerFactory.getLogger(WebSocketEndpoint.class);

    private final Vertx vertx;
    private final SignallingConfig config;
    private final TimeSource time;
    private final MessageDispatcher dispatcher;
    private final SessionMeters meters;

    public WebSocketEndpoint(Vertx vertx, SignallingConfig config, TimeSource time, MessageDispatcher dispatcher,
                             SessionMeters meters) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.config = Objects.requireNonNull(config, "config");
        this.time = Objects.requireNonNull(time, "time");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    /** Route handler for {@code /ws}. */
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!request.canUpgradeToWebSocket()) {
            ctx.response().setStatusCode(400).putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("WebSocket upgrade expected");
            return;
        }
        request.toWebSocket()
                .onSuccess(this::accept)
                .onFailure(e -> log.debug("WebSocket upgrade failed", e));
    }

    private void accept(ServerWebSocket socket) {
        Context context = vertx.getOrCreateContext();
        socket.setWriteQueueMaxSize(config.maxSendQueueBytes());
        ClientSession session = new ClientSession(socket, context, meters);
        meters.socketOpened();
        TokenBucket bucket = new TokenBucket(config.rateLimitPerSecond(), config.rateLimitPerSecond(), time.nanoTime());
        MessageAssembler assembler = new MessageAssembler(config.maxMessageBytes(), new MessageAssembler.Sink() {
            @Override
            public void text(String message) {
                if (admit(session, bucket)) parse(session, message);
            }

            @Override
            public void tooLarge(long bytes) {
                if (admit(session, bucket)) {
                    session.sendError(ErrorCode.MESSAGE_TOO_LARGE,
                            "message of " + bytes + " bytes is over the limit of " + config.maxMessageBytes(), null);
                }
            }

            @Override
            public void binary() {
                if (admit(session, bucket)) {
                    session.sendError(ErrorCode.MESSAGE_TOO_LARGE, "binary messages are not accepted", null);
                }
            }
        });
        socket.frameHandler(assembler::onFrame);
        socket.closeHandler(v -> {
            meters.socketClosed();
            dispatcher.onClose(session);
        });
        socket.exceptionHandler(e -> log.debug("WebSocket {} error: {}", session, e.toString()));
        vertx.setTimer(Math.max(1, config.joinTimeout().toMillis()), id -> {
            if (session.state() == ClientSession.State.CONNECTED) session.close(ClientSession.POLICY_VIOLATION, "join timeout");
        });
    }

    private boolean admit(ClientSession session, TokenBucket bucket) {
        meters.messageReceived();
        if (bucket.tryTake(time.nanoTime())) return true;
        session.sendError(ErrorCode.RATE_LIMITED, "more than " + config.rateLimitPerSecond() + " messages per second", null);
        return false;
    }

    private void parse(ClientSession session, String text) {
        Object value;
        try {
            value = Json.decodeValue(text);
        } catch (RuntimeException e) {
            session.sendError(ErrorCode.BAD_REQUEST, "not JSON", null);
            return;
        }
        if (!(value instanceof JsonObject)) {
            session.sendError(ErrorCode.BAD_REQUEST, "not a JSON object", null);
            return;
        }
        dispatcher.onMessage(session, (JsonObject) value);
    }
}
