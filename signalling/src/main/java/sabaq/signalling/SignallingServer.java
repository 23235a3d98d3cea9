package sabaq.signalling;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.media.MediaBackend;
import sabaq.common.media.MediaStats;
import sabaq.common.recording.RecordingService;
import sabaq.common.time.TimeSource;
import sabaq.signalling.http.ExtraRoutes;
import sabaq.signalling.ops.OpsBindings;
import sabaq.signalling.ops.OpsServices;
import sabaq.signalling.ops.SessionOpsAccess;
import sabaq.signalling.account.InitialAdministrator;
import sabaq.signalling.auth.AuthConfig;
import sabaq.signalling.recording.AccountRecordingAccess;
import sabaq.signalling.footprint.FootprintServices;
import sabaq.signalling.footprint.FootprintSettings;
import sabaq.signalling.footprint.RecordingWatchApi;
import sabaq.signalling.footprint.WatchReportLimit;
import sabaq.signalling.recording.JoinTokenRecordingAccess;
import sabaq.signalling.recording.LessonRecordings;
import sabaq.signalling.recording.NoRecordings;
import sabaq.signalling.recording.PlaybackTokens;
import sabaq.signalling.recording.RecordingRoutes;
import sabaq.signalling.session.JoinHandler;
import sabaq.signalling.session.LessonRegistry;
import sabaq.signalling.session.LessonRequests;
import sabaq.signalling.session.MessageDispatcher;
import sabaq.signalling.tls.TlsMaterial;
import sabaq.signalling.store.Repositories;
import sabaq.signalling.token.JoinTokens;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The signalling server: HTTP API (docs/protocol.md, docs/security.md), static web client and the lesson WebSocket,
 * plus health, metrics and the operations page (docs/operations.md), served by {@code event-loops} Vert.x verticles
 * sharing one HTTP port and, with TLS, one HTTPS port. The media backend is not owned: stopping the server closes the
 * rooms it opened, not the backend.
 */
public final class SignallingServer {
    private static final Logger log = LoggerFactory.getLogger(SignallingServer.class);
    /** Join links whose watch reports are counted at once (see {@link WatchReportLimit}). */
    private static final int MAX_WATCH_VIEWERS = 100_000;

    private final Vertx vertx;
    private final LessonRegistry registry;
    private final OpsServices ops;
    private final AccountServices accounts;
    private final InitialAdministrator.Outcome initialAdmin;
    private final List<String> deployments;
    private final int port;
    private final int tlsPort;
    private final TlsMaterial tls;
    private final long sweepTimer;

    private SignallingServer(Vertx vertx, LessonRegistry registry, OpsServices ops, AccountServices accounts,
                             InitialAdministrator.Outcome initialAdmin, List<String> deployments, int port, int tlsPort,
                             TlsMaterial tls, long sweepTimer) {
        this.vertx = vertx;
        this.registry = registry;
        this.ops = ops;
        this.accounts = accounts;
        this.initialAdmin = initialAdmin;
        this.deployments = deployments;
        this.port = port;
        this.tlsPort = tlsPort;
        this.tls = tls;
        this.sweepTimer = sweepTimer;
    }

    /**
     * Starts the server with the embedded operations defaults (access by network; media figures when the backend has
     * them) and without recording: accounts and audit in {@code repos}, lessons on {@code media}.
     */
    public static Future<SignallingServer> start(Vertx vertx, SignallingConfig config, AuthConfig auth, Repositories repos,
                                                 MediaBackend media, TimeSource time) {
        MediaStats stats = media instanceof MediaStats ? (MediaStats) media : MediaStats.NONE;
        return start(vertx, config, auth, repos, media, time, OpsBindings.defaults(config.ops(), stats), null);
    }

    /**
     * Starts the server: accounts and audit in {@code repos}, lessons on {@code media}, operations as bound,
     * {@code record} requests and the recordings pages on {@code recorder} (null: recording is not available on this
     * server). At the first start the platform organisation and the initial administrator are created
     * ({@link #initialAdministrator()}).
     */
    public static Future<SignallingServer> start(Vertx vertx, SignallingConfig config, AuthConfig auth, Repositories repos,
                                                 MediaBackend media, TimeSource time, OpsBindings opsBindings,
                                                 RecordingService recorder) {
        return start(vertx, config, auth, repos, media, time, opsBindings, recorder, FootprintServices.NONE);
    }

    /**
     * Starts the server as above, with the digital footprint: lesson events recorded into {@code footprint.sink()},
     * the monitoring and curriculum routes over its reports and curriculum (docs/footprint.md), emitted with the
     * default {@link FootprintSettings}.
     */
    public static Future<SignallingServer> start(Vertx vertx, SignallingConfig config, AuthConfig auth, Repositories repos,
                                                 MediaBackend media, TimeSource time, OpsBindings opsBindings,
                                                 RecordingService recorder, FootprintServices footprint) {
        return start(vertx, config, auth, repos, media, time, opsBindings, recorder, footprint, FootprintSettings.defaults());
    }

    /**
     * The same, with the footprint emitted as {@code settings} say (connection quality samples per participant,
     * recording-watched reports per link).
     */
    public static Future<SignallingServer> start(Vertx vertx, SignallingConfig config, AuthConfig auth, Repositories repos,
                                                 MediaBackend media, TimeSource time, OpsBindings opsBindings,
                                                 RecordingService recorder, FootprintServices footprint,
                                                 FootprintSettings settings) {
        return start(vertx, config, auth, repos, media, time, opsBindings, recorder, footprint, settings, ExtraRoutes.NONE);
    }

    /**
     * The same, plus the routes of another module ({@code extra}, e.g. the studio's, mounted by the launcher) on every
     * server instance, behind the accounts' guard.
     */
    public static Future<SignallingServer> start(Vertx vertx, SignallingConfig config, AuthConfig auth, Repositories repos,
                                                 MediaBackend media, TimeSource time, OpsBindings opsBindings,
                                                 RecordingService recorder, FootprintServices footprint,
                                                 FootprintSettings settings, ExtraRoutes extra) {
        Objects.requireNonNull(extra, "extra");
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(footprint, "footprint");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(repos, "repos");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(opsBindings, "opsBindings");
        byte[] secret = secret(config);
        JoinTokens tokens = new JoinTokens(secret, time);
        AccountServices accounts = new AccountServices(vertx, config, auth, repos, time, secret);
        LessonRegistry registry = new LessonRegistry(media, time, config.chatHistory(), config.maxLessons(), footprint.sink(),
                settings.qualityInterval());
        JoinHandler joins = new JoinHandler(tokens, registry, config.maxParticipantsPerLesson(), auth.allowGuestJoin());
        LessonRecordings recordings = recorder == null ? null
                : new LessonRecordings(recorder, tokens, registry, config.tokenTtl());
        MessageDispatcher dispatcher = new MessageDispatcher(joins, new LessonRequests(time, recordings));
        RecordingService recordingService = recorder == null ? NoRecordings.INSTANCE : recorder;
        RecordingWatchApi watch = new RecordingWatchApi(recordingService, tokens, registry, footprint.sink(),
                new WatchReportLimit(settings.watchReportsPerMinute(), MAX_WATCH_VIEWERS), time);
        RecordingRoutes recordingRoutes = new RecordingRoutes(recordingService,
                new AccountRecordingAccess(new JoinTokenRecordingAccess(tokens), accounts.guard(), repos.lessons()),
                new PlaybackTokens(secret, time), watch);
        OpsServices ops;
        try {
            // Signed-in people are allowed by role (OPS_READ); requests without a session as the bindings say.
            OpsBindings bound = opsBindings.withPageAccess(new SessionOpsAccess(accounts.guard(), opsBindings.pageAccess()));
            ops = OpsServices.create(vertx, config.ops(), config.dataDir(), bound, registry, time);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        List<String> deployments = new CopyOnWriteArrayList<>();
        Future<TlsMaterial> material = config.tls().enabled()
                // Browsers check a certificate's validity against the real date: the wall clock, whatever the test clock.
                ? vertx.executeBlocking(() -> TlsMaterial.load(config.tls(), config.dataDir(), TimeSource.SYSTEM), false)
                : Future.succeededFuture();

        // Vert.x server sharing: servers asking for the same host and port share one socket. Port 0 would give
        // every instance its own random port; a negative port means one random port shared by all servers asking
        // for that same negative number (-1 for HTTP, -2 for HTTPS, so the two stay apart).
        int plainPort = config.port() == 0 ? -1 : config.port();
        int tlsPort = config.tls().port() == 0 ? -2 : config.tls().port();
        Future<InitialAdministrator.Outcome> admin = accounts.initialAdministrator.ensure();
        Future<SignallingVerticle> all = admin.compose(a -> material).compose(tls -> deploy(vertx, deployments,
                new SignallingVerticle(config, time, tokens, registry, dispatcher, ops, accounts, recordingRoutes,
                        footprint, extra, new SignallingVerticle.Listen(plainPort, tlsPort, tls))));
        for (int i = 1; i < config.eventLoops(); i++) {
            all = all.compose(first -> deploy(vertx, deployments, new SignallingVerticle(config, time, tokens, registry,
                    dispatcher, ops, accounts, recordingRoutes, footprint, extra,
                    new SignallingVerticle.Listen(plainPort, tlsPort, material.result()))).map(first));
        }
        return all.map(v -> {
            if (recordings != null) recordings.webSocketUrl(recorderWebSocketUrl(config, v));
            long timer = vertx.setPeriodic(config.sweepInterval().toMillis(),
                    id -> registry.sweep(config.tokenTtl(), config.endedLessonRetention()));
            ops.start();
            log.info("signalling listening on {} (http {}, https {}, {} event loops)", config.host(),
                    v.actualPort() < 0 ? "off" : v.actualPort(), v.actualTlsPort() < 0 ? "off" : v.actualTlsPort(),
                    config.eventLoops());
            return new SignallingServer(vertx, registry, ops, accounts, admin.result(), deployments, v.actualPort(),
                    v.actualTlsPort(), material.result(), timer);
        }).onFailure(e -> {
            deployments.forEach(vertx::undeploy);
            ops.close();
        });
    }

    private static Future<SignallingVerticle> deploy(Vertx vertx, List<String> deployments, SignallingVerticle v) {
        return vertx.deployVerticle(v).map(id -> {
            deployments.add(id);
            return v;
        });
    }

    /**
     * Where the in-process recorder joins: plain HTTP on loopback when it is on, else the HTTPS port (the recorder
     * trusts this server's own certificate there).
     */
    private static String recorderWebSocketUrl(SignallingConfig config, SignallingVerticle v) {
        String host = "0.0.0.0".equals(config.host()) || "::".equals(config.host()) ? "127.0.0.1" : config.host();
        String bracketed = host.contains(":") ? "[" + host + "]" : host;
        return v.actualPort() > 0 ? "ws://" + bracketed + ":" + v.actualPort() + "/ws"
                : "wss://" + bracketed + ":" + v.actualTlsPort() + "/ws";
    }

    private static byte[] secret(SignallingConfig config) {
        if (!config.tokenSecret().isEmpty()) return config.tokenSecret().getBytes(StandardCharsets.UTF_8);
        log.warn("sabaq.signalling.token-secret is empty: using a random key; lesson links stop working when this process restarts");
        byte[] key = new byte[SignallingConfig.MIN_SECRET_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** What the start did about the initial administrator (its generated password is shown once, by the launcher). */
    public InitialAdministrator.Outcome initialAdministrator() {
        return initialAdmin;
    }

    /** The accounts and authorisation services, e.g. {@code accounts().guard().requireRole(...)} for new routes. */
    public AccountServices accounts() {
        return accounts;
    }

    /** The bound plain HTTP port (the real one when the config asked for port 0), or -1 when plain HTTP is off. */
    public int port() {
        return port;
    }

    /** The bound HTTPS port, or -1 when TLS is off. */
    public int tlsPort() {
        return tlsPort;
    }

    /** The served certificate and its fingerprint, or null when TLS is off. */
    public TlsMaterial tls() {
        return tls;
    }

    /** Metrics, alerts and the operations sampler of this server. */
    public OpsServices ops() {
        return ops;
    }

    /** Closes every lesson's sockets and SFU rooms, then the HTTP servers, then stops monitoring. */
    public Future<Void> stop() {
        vertx.cancelTimer(sweepTimer);
        return registry.closeAll().eventually(accounts.oidc::close).eventually(() -> {
            List<Future<Void>> undeployed = new ArrayList<>();
            for (String id : deployments) undeployed.add(vertx.undeploy(id));
            return Future.join(undeployed);
        }).eventually(() -> {
            ops.close();
            return Future.succeededFuture();
        }).mapEmpty();
    }
}
