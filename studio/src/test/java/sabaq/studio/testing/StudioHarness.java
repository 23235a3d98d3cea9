package sabaq.studio.testing;

import com.typesafe.config.ConfigFactory;
import sabaq.common.time.TimeSource;
import sabaq.recorder.storage.MinioObjectStore;
import sabaq.recorder.testing.RequireFfmpeg;
import sabaq.recorder.testing.S3ProxyFixture;
import sabaq.studio.Studio;
import sabaq.studio.UploadService;
import sabaq.studio.config.StudioConfig;
import sabaq.studio.course.Course;
import sabaq.studio.course.MediaRef;
import sabaq.studio.error.OperationException;
import sabaq.studio.job.JobRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A studio on an embedded S3 server (S3Proxy) and a temporary data directory, with the ladder at x264 ultrafast to
 * keep tests quick.
 */
public final class StudioHarness implements AutoCloseable {
    public static final String BUCKET = "sabaq-studio-test";
    public static final String RECORDINGS_BUCKET = "sabaq-recordings-test";

    public final Path dir;
    public final S3ProxyFixture s3;
    public final MinioObjectStore store;
    public final MinioObjectStore recordings;
    public final StudioConfig config;
    private Studio studio;

    private StudioHarness(Path dir, S3ProxyFixture s3, StudioConfig config) throws Exception {
        this.dir = dir;
        this.s3 = s3;
        this.config = config;
        this.store = new MinioObjectStore(s3.settings(BUCKET));
        this.recordings = new MinioObjectStore(s3.settings(RECORDINGS_BUCKET));
        recordings.ensureBucket();
    }

    public static StudioHarness start(Path dir) throws Exception {
        return start(dir, Map.of());
    }

    public static StudioHarness start(Path dir, Map<String, Object> overrides) throws Exception {
        Path s3dir = Files.createDirectories(dir.resolve("s3"));
        S3ProxyFixture s3 = new S3ProxyFixture(s3dir).start();
        StudioHarness h = new StudioHarness(dir, s3, config(dir.resolve("data"), overrides));
        h.startStudio();
        return h;
    }

    /** The studio config of the tests. */
    public static StudioConfig config(Path dataDir, Map<String, Object> overrides) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sabaq.studio.data-dir", dataDir.toString());
        m.put("sabaq.studio.bucket", BUCKET);
        m.put("sabaq.studio.profile-parameters.hls-ladder.preset", "ultrafast");
        m.putAll(overrides);
        return StudioConfig.from(ConfigFactory.parseMap(m));
    }

    public Studio startStudio() throws Exception {
        studio = Studio.start(config, RequireFfmpeg.tools(), store, recordings, TimeSource.SYSTEM);
        return studio;
    }

    public Studio studio() {
        return studio;
    }

    /** Checks and stores a file as the studio page would. */
    public MediaRef upload(Path file, UploadService.Kind kind) throws OperationException {
        return studio.uploads().store(file, file.getFileName().toString(), kind).ref();
    }

    /** Saves the course and publishes it; waits for the job to finish. */
    public JobRecord publishAndWait(Course c, Duration timeout) throws Exception {
        studio.services().courses().save(c);
        JobRecord job = studio.publish(c.id());
        if (!studio.jobs().awaitIdle(timeout)) throw new AssertionError("job " + job.id() + " did not finish in " + timeout);
        return studio.jobs().get(job.id()).orElseThrow();
    }

    @Override
    public void close() throws Exception {
        if (studio != null) studio.close();
        s3.close();
    }
}
