package sabaq.signalling.recording;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import sabaq.common.recording.RecordingService;

import java.util.Objects;

/**
 * Mounts the recording routes on each server instance's router: the recordings API and file proxy of
 * {@link RecordingApi}, and the player library (hls.js from its WebJar, under {@code /webjars/}).
 */
public final class RecordingRoutes {
    private final RecordingService service;
    private final RecordingAccess access;
    private final PlaybackTokens playback;

    public RecordingRoutes(RecordingService service, RecordingAccess access, PlaybackTokens playback) {
        this.service = Objects.requireNonNull(service, "service");
        this.access = Objects.requireNonNull(access, "access");
        this.playback = Objects.requireNonNull(playback, "playback");
    }

    /** Adds the routes; call before the catch-all {@code /api/*} and static routes. */
    public void mount(Vertx vertx, Router router) {
        RecordingApi api = new RecordingApi(vertx, service, access, playback);
        router.get("/api/lessons/:id/recordings").handler(api::list);
        router.get("/recordings/:cap/:lessonId/:recordingId/*").handler(api::file);
        router.get("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars").setCachingEnabled(true));
    }
}
