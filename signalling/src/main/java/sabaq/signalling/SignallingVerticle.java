package sabaq.signalling;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import sabaq.common.time.TimeSource;
import sabaq.signalling.footprint.FootprintServices;
import sabaq.signalling.http.ApiRoutes;
import sabaq.signalling.http.ExtraRoutes;
import sabaq.signalling.http.HttpErrors;
import sabaq.signalling.http.LessonApi;
import sabaq.signalling.http.SecurityHeaders;
import sabaq.signalling.ops.OpsServices;
import sabaq.signalling.recording.RecordingRoutes;
import sabaq.signalling.session.LessonRegistry;
import sabaq.signalling.session.MessageDispatcher;
import sabaq.signalling.tls.HttpsRedirect;
import sabaq.signalling.tls.TlsConfig;
import sabaq.signalling.tls.TlsMaterial;
import sabaq.signalling.token.JoinTokens;
import sabaq.signalling.ws.WebSocketEndpoint;

/**
 * One event loop of the signalling server: an HTTP server and, with TLS, an HTTPS server (each shared with the other
 * instances on the same port) with the routes of docs/protocol.md and docs/operations.md. In
 * {@code plain-http = redirect} mode the HTTP server only answers health checks and redirects to HTTPS. Lessons
 * created through this instance are owned by its context.
 */
final class SignallingVerticle extends VerticleBase {
    /** Frames up to this much over the message limit still get a MESSAGE_TOO_LARGE reply instead of a closed socket. */
    static final int FRAME_SLACK_BYTES = 64 * 1024;

    /** Where to listen: a requested port of -1 is one random port shared by all instances; null TLS means none. */
    record Listen(int plainPort, int tlsPort, TlsMaterial tls) {
    }

    private final SignallingConfig config;
    private final TimeSource time;
    private final JoinTokens tokens;
    private final LessonRegistry registry;
    private final MessageDispatcher dispatcher;
    private final OpsServices ops;
    private final AccountServices accounts;
    private final RecordingRoutes recordings;
    private final FootprintServices footprint;
    private final ExtraRoutes extra;
    private final Listen listen;
    private HttpServer plain;
    private HttpServer secure;

    SignallingVerticle(SignallingConfig config, TimeSource time, JoinTokens tokens, LessonRegistry registry,
                       MessageDispatcher dispatcher, OpsServices ops, AccountServices accounts,
                       RecordingRoutes recordings, FootprintServices footprint, ExtraRoutes extra, Listen listen) {
        this.config = config;
        this.time = time;
        this.tokens = tokens;
        this.registry = registry;
        this.dispatcher = dispatcher;
        this.ops = ops;
        this.accounts = accounts;
        this.recordings = recordings;
        this.footprint = footprint;
        this.extra = extra;
        this.listen = listen;
    }

    @Override
    public Future<?> start() {
        Router app = router();
        Future<HttpServer> tls = Future.succeededFuture();
        if (listen.tls() != null) {
            HttpServerOptions options = options().setSsl(true).setKeyCertOptions(listen.tls().options());
            tls = vertx.createHttpServer(options).requestHandler(app).listen(listen.tlsPort(), config.host())
                    .onSuccess(s -> secure = s);
        }
        TlsConfig.PlainHttp mode = config.tls().enabled() ? config.tls().plainHttp() : TlsConfig.PlainHttp.SERVE;
        if (mode == TlsConfig.PlainHttp.OFF) return tls;
        return tls.compose(s -> vertx.createHttpServer(options())
                .requestHandler(mode == TlsConfig.PlainHttp.REDIRECT ? redirectRouter() : app)
                .listen(listen.plainPort(), config.host())
                .onSuccess(p -> plain = p));
    }

    private HttpServerOptions options() {
        int frameLimit = config.maxMessageBytes() + FRAME_SLACK_BYTES;
        return new HttpServerOptions()
                .setMaxWebSocketFrameSize(frameLimit)
                .setMaxWebSocketMessageSize(frameLimit)
                // Compressed frames could inflate far beyond the size limits before any check: keep them off.
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false);
    }

    /** The plain HTTP port (-1 when there is none). */
    int actualPort() {
        return plain == null ? -1 : plain.actualPort();
    }

    /** The HTTPS port (-1 when there is none). */
    int actualTlsPort() {
        return secure == null ? -1 : secure.actualPort();
    }

    private Router router() {
        Router router = Router.router(vertx);
        WebSocketEndpoint ws = new WebSocketEndpoint(vertx, config, time, dispatcher, ops.traffic());
        LessonApi api = new LessonApi(config, tokens, registry, context);
        router.route().handler(ops.traffic()::countRequest);
        router.get("/ws").handler(ws::handle);
        router.route().handler(SecurityHeaders::handle);
        ApiRoutes.mount(router, accounts.routes(config, footprint), tokens, registry, api, context);
        router.get("/api/lessons/:id").handler(api::get);
        ops.routes().mount(router);
        recordings.mount(vertx, router);
        extra.mount(vertx, router, accounts.guard());
        router.route("/api/*").handler(ctx -> HttpErrors.send(ctx, 404, "NOT_FOUND", "no such API endpoint"));
        router.route("/api/*").failureHandler(HttpErrors::onFailure);
        // Refusals of guarded routes outside /api (e.g. /metrics) are answered as JSON too.
        router.route().failureHandler(HttpErrors::onRefusal);
        router.route().handler(StaticHandler.create("webroot").setIndexPage("index.html"));
        return router;
    }

    private Router redirectRouter() {
        Router router = Router.router(vertx);
        router.route().handler(ops.traffic()::countRequest);
        router.route().handler(SecurityHeaders::handle);
        ops.routes().mountHealth(router);
        HttpsRedirect redirect = new HttpsRedirect(config.host(), actualTlsPort());
        router.route().handler(redirect::handle);
        return router;
    }
}
