package sabaq.signalling;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.media.MediaBackend;
import sabaq.common.recording.RecordingService;
import sabaq.common.time.TimeSource;
import sabaq.signalling.recording.JoinTokenRecordingAccess;
import sabaq.signalling.recording.LessonRecordings;
import sabaq.signalling.recording.NoRecordings;
import sabaq.signalling.recording.PlaybackTokens;
import sabaq.signalling.recording.RecordingRoutes;
import sabaq.signalling.session.JoinHandler;
import sabaq.signalling.session.LessonRegistry;
import sabaq.signalling.session.LessonRequests;
import sabaq.signalling.session.MessageDispatcher;
import sabaq.signalling.token.JoinTokens;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The signalling server: HTTP API, static web client and the lesson WebSocket (docs/protocol.md), served by
 * {@code event-loops} Vert.x verticles sharing one port. The media backend is not owned: stopping the server closes
 * the rooms it opened, not the backend.
 */
public final class SignallingServer {
    private static final Logger log = LoggerFactory.getLogger(SignallingServer.class);

    private final Vertx vertx;
    private final LessonRegistry registry;
    private final List<String> deployments;
    private final int port;
    private final long sweepTimer;

    private SignallingServer(Vertx vertx, LessonRegistry registry, List<String> deployments, int port, long sweepTimer) {
        this.vertx = vertx;
        this.registry = registry;
        this.deployments = deployments;
        this.port = port;
        this.sweepTimer = sweepTimer;
    }

    public static Future<SignallingServer> start(Vertx vertx, SignallingConfig config, MediaBackend media, TimeSource time) {
        return start(vertx, config, media, null, time);
    }

    /**
     * With recording: {@code record} requests and the recordings pages use {@code recorder} (null: recording is not
     * available on this server).
     */
    public static Future<SignallingServer> start(Vertx vertx, SignallingConfig config, MediaBackend media,
                                                 RecordingService recorder, TimeSource time) {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(time, "time");
        byte[] secret = secret(config);
        JoinTokens tokens = new JoinTokens(secret, time);
        LessonRegistry registry = new LessonRegistry(media, time, config.chatHistory(), config.maxLessons());
        JoinHandler joins = new JoinHandler(tokens, registry, config.maxParticipantsPerLesson());
        LessonRecordings recordings = recorder == null ? null
                : new LessonRecordings(recorder, tokens, registry, config.tokenTtl());
        MessageDispatcher dispatcher = new MessageDispatcher(joins, new LessonRequests(time, recordings));
        RecordingRoutes recordingRoutes = new RecordingRoutes(recorder == null ? NoRecordings.INSTANCE : recorder,
                new JoinTokenRecordingAccess(tokens), new PlaybackTokens(secret, time));
        List<String> deployments = new CopyOnWriteArrayList<>();

        // Vert.x server sharing: servers asking for the same host and port share one socket. Port 0 would give
        // every instance its own random port; a negative port means one random port shared by all of them.
        int requestedPort = config.port() == 0 ? -1 : config.port();
        SignallingVerticle first = new SignallingVerticle(config, time, tokens, registry, dispatcher, recordingRoutes, requestedPort);
        Future<Integer> bound = vertx.deployVerticle(first).map(id -> {
            deployments.add(id);
            return first.actualPort();
        });
        for (int i = 1; i < config.eventLoops(); i++) {
            bound = bound.compose(port -> vertx
                    .deployVerticle(new SignallingVerticle(config, time, tokens, registry, dispatcher, recordingRoutes, requestedPort))
                    .map(id -> {
                        deployments.add(id);
                        return port;
                    }));
        }
        return bound.map(port -> {
            if (recordings != null) {
                String host = "0.0.0.0".equals(config.host()) || "::".equals(config.host()) ? "127.0.0.1" : config.host();
                recordings.webSocketUrl("ws://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/ws");
            }
            long timer = vertx.setPeriodic(config.sweepInterval().toMillis(),
                    id -> registry.sweep(config.tokenTtl(), config.endedLessonRetention()));
            log.info("signalling listening on {}:{} ({} event loops)", config.host(), port, config.eventLoops());
            return new SignallingServer(vertx, registry, deployments, port, timer);
        }).onFailure(e -> deployments.forEach(vertx::undeploy));
    }

    private static byte[] secret(SignallingConfig config) {
        if (!config.tokenSecret().isEmpty()) return config.tokenSecret().getBytes(StandardCharsets.UTF_8);
        log.warn("sabaq.signalling.token-secret is empty: using a random key; lesson links stop working when this process restarts");
        byte[] key = new byte[SignallingConfig.MIN_SECRET_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** The bound TCP port (the real one when the config asked for port 0). */
    public int port() {
        return port;
    }

    /** Closes every lesson's sockets and SFU rooms, then the HTTP servers. */
    public Future<Void> stop() {
        vertx.cancelTimer(sweepTimer);
        return registry.closeAll().eventually(() -> {
            List<Future<Void>> undeployed = new ArrayList<>();
            for (String id : deployments) undeployed.add(vertx.undeploy(id));
            return Future.join(undeployed);
        }).mapEmpty();
    }
}
