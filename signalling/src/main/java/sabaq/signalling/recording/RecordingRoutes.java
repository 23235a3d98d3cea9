package sabaq.signalling.recording;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import sabaq.common.recording.RecordingService;
import sabaq.signalling.footprint.RecordingWatchApi;

import java.util.Objects;

/**
 * Mounts the recording routes on each server instance's router: the recordings API and file proxy of
 * {@link RecordingApi}, the player's watch reports ({@link RecordingWatchApi}, digital footprint) and the page
 * libraries (hls.js and chart.js from their WebJars, under {@code /webjars/}).
 */
public final class RecordingRoutes {
    /** Largest watch report: 500 ranges of two integers fit. */
    private static final int WATCH_BODY_BYTES = 64 * 1024;

    private final RecordingService service;
    private final RecordingAccess access;
    private final PlaybackTokens playback;
    private final RecordingWatchApi watch;

    public RecordingRoutes(RecordingService service, RecordingAccess access, PlaybackTokens playback) {
        this(service, access, playback, null);
    }

    /** With {@code watch} (null: watch reports are not taken) the player's reports reach the footprint. */
    public RecordingRoutes(RecordingService service, RecordingAccess access, PlaybackTokens playback,
                           RecordingWatchApi watch) {
        this.service = Objects.requireNonNull(service, "service");
        this.access = Objects.requireNonNull(access, "access");
        this.playback = Objects.requireNonNull(playback, "playback");
        this.watch = watch;
    }

    /** Adds the routes; call before the catch-all {@code /api/*} and static routes. */
    public void mount(Vertx vertx, Router router) {
        RecordingApi api = new RecordingApi(vertx, service, access, playback);
        router.get("/api/lessons/:id/recordings").handler(api::list);
        if (watch != null) {
            router.post("/api/lessons/:id/recordings/:recordingId/watched")
                    .handler(BodyHandler.create(false).setBodyLimit(WATCH_BODY_BYTES)).handler(watch::watched);
        }
        router.get("/recordings/:cap/:lessonId/:recordingId/*").handler(api::file);
        router.get("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars").setCachingEnabled(true));
    }
}
