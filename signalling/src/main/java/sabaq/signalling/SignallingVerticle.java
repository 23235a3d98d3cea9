package sabaq.signalling;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import sabaq.common.time.TimeSource;
import sabaq.signalling.http.HttpErrors;
import sabaq.signalling.http.LessonApi;
import sabaq.signalling.http.SecurityHeaders;
import sabaq.signalling.recording.RecordingRoutes;
import sabaq.signalling.session.LessonRegistry;
import sabaq.signalling.session.MessageDispatcher;
import sabaq.signalling.token.JoinTokens;
import sabaq.signalling.ws.WebSocketEndpoint;

/**
 * One event loop of the signalling server: an HTTP server (shared with the other instances on the same port) with
 * the routes of docs/protocol.md. Lessons created through this instance are owned by its context.
 */
final class SignallingVerticle extends VerticleBase {
    /** Frames up to this much over the message limit still get a MESSAGE_TOO_LARGE reply instead of a closed socket. */
    static final int FRAME_SLACK_BYTES = 64 * 1024;

    private final SignallingConfig config;
    private final TimeSource time;
    private final JoinTokens tokens;
    private final LessonRegistry registry;
    private final MessageDispatcher dispatcher;
    private final RecordingRoutes recordings;
    private final int port;
    private HttpServer server;

    SignallingVerticle(SignallingConfig config, TimeSource time, JoinTokens tokens, LessonRegistry registry,
                       MessageDispatcher dispatcher, RecordingRoutes recordings, int port) {
        this.config = config;
        this.time = time;
        this.tokens = tokens;
        this.registry = registry;
        this.dispatcher = dispatcher;
        this.recordings = recordings;
        this.port = port;
    }

    @Override
    public Future<?> start() {
        int frameLimit = config.maxMessageBytes() + FRAME_SLACK_BYTES;
        HttpServerOptions options = new HttpServerOptions()
                .setMaxWebSocketFrameSize(frameLimit)
                .setMaxWebSocketMessageSize(frameLimit)
                // Compressed frames could inflate far beyond the size limits before any check: keep them off.
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false);
        return vertx.createHttpServer(options)
                .requestHandler(router())
                .listen(port, config.host())
                .onSuccess(s -> server = s);
    }

    int actualPort() {
        return server.actualPort();
    }

    private Router router() {
        Router router = Router.router(vertx);
        WebSocketEndpoint ws = new WebSocketEndpoint(vertx, config, time, dispatcher);
        LessonApi api = new LessonApi(config, tokens, registry, context);
        router.get("/ws").handler(ws::handle);
        router.route().handler(SecurityHeaders::handle);
        router.post("/api/lessons")
                .handler(BodyHandler.create(false).setBodyLimit(config.maxHttpBodyBytes()))
                .handler(api::create);
        router.get("/api/lessons/:id").handler(api::get);
        recordings.mount(vertx, router);
        router.get("/healthz").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("status", "ok").encode()));
        router.route("/api/*").handler(ctx -> HttpErrors.send(ctx, 404, "NOT_FOUND", "no such API endpoint"));
        router.route("/api/*").failureHandler(HttpErrors::onFailure);
        router.route().handler(StaticHandler.create("webroot").setIndexPage("index.html"));
        return router;
    }
}
