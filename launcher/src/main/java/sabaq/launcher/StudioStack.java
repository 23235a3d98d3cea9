package sabaq.launcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.time.TimeSource;
import sabaq.recorder.ffmpeg.FfmpegTools;
import sabaq.recorder.service.RecorderConfig;
import sabaq.recorder.storage.MinioObjectStore;
import sabaq.recorder.storage.StorageException;
import sabaq.signalling.auth.Action;
import sabaq.signalling.http.ExtraRoutes;
import sabaq.studio.Studio;
import sabaq.studio.config.StudioConfig;
import sabaq.studio.web.StudioRoutes;

/**
 * The studio in the launcher's process (docs/studio.md): on the recorder's object storage (the embedded S3 server by
 * default) in its own bucket, its job queue resuming what a stopped process left, and its routes mounted on
 * signalling behind the accounts' guard: {@link Action#STUDIO_EDIT} for editing, {@link Action#CATALOG_READ} for the
 * catalog and the published courses. Off when {@code sabaq.studio.enabled = false}, when there is no storage
 * (recording switched off and no S3 endpoint configured) or when the storage is not reachable at start.
 */
public final class StudioStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StudioStack.class);

    private final Studio studio;
    private final String why;

    private StudioStack(Studio studio, String why) {
        this.studio = studio;
        this.why = why;
    }

    public static StudioStack start(StudioConfig config, RecorderStack recorder, TimeSource time) throws Exception {
        if (!config.enabled()) return new StudioStack(null, "off (sabaq.studio.enabled = false)");
        RecorderConfig.Storage st = config.storage();
        String endpoint = recorder.endpoint() != null ? recorder.endpoint() : st.endpoint();
        if (endpoint == null || endpoint.isEmpty()) {
            return new StudioStack(null, "off (no object storage: recording is off and sabaq.storage.s3.endpoint is empty)");
        }
        FfmpegTools tools = FfmpegTools.locate(config.ffmpegBin(), config.ffprobeBin());
        MinioObjectStore store = new MinioObjectStore(new MinioObjectStore.S3Settings(endpoint, st.region(), config.bucket(),
                st.accessKey(), st.secretKey(), st.timeout()));
        MinioObjectStore recordings = new MinioObjectStore(new MinioObjectStore.S3Settings(endpoint, st.region(), st.bucket(),
                st.accessKey(), st.secretKey(), st.timeout()));
        Studio studio;
        try {
            studio = Studio.start(config, tools, store, recordings, time);
        } catch (StorageException e) {
            // Lessons and recordings must not depend on the studio's storage being up at start.
            LOG.warn("studio off: object storage at {} is not reachable ({}); restart Sabaq when it is", endpoint, e.getMessage());
            return new StudioStack(null, "off (object storage at " + endpoint + " was not reachable at start)");
        }
        LOG.info("studio ready: bucket {} at {}, data in {}", config.bucket(), endpoint, config.dataDir().toAbsolutePath());
        return new StudioStack(studio, "bucket " + config.bucket() + " at " + endpoint);
    }

    /** The studio, or null when it is off. */
    public Studio studio() {
        return studio;
    }

    /** The routes for signalling (none when the studio is off). */
    public ExtraRoutes routes() {
        if (studio == null) return ExtraRoutes.NONE;
        return (vertx, router, guard) -> new StudioRoutes(studio, guard.requireRole(Action.STUDIO_EDIT),
                guard.requireRole(Action.CATALOG_READ)).mount(vertx, router);
    }

    String describe() {
        return why;
    }

    @Override
    public void close() {
        if (studio != null) studio.close();
    }
}
