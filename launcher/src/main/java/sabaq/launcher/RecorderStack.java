package sabaq.launcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.recording.RecordingService;
import sabaq.common.time.TimeSource;
import sabaq.recorder.ffmpeg.FfmpegTools;
import sabaq.recorder.service.LessonRecorder;
import sabaq.recorder.service.RecorderConfig;
import sabaq.recorder.storage.MinioObjectStore;
import sabaq.recorder.storage.StorageException;

/**
 * The recorder in the launcher's process: the embedded S3 server when {@code sabaq.storage.s3.embedded} (else the
 * configured MinIO endpoint), FFmpeg located once, and the {@link LessonRecorder} signalling talks to through the
 * {@link RecordingService} interface. With {@code sabaq.recorder.enabled = false} signalling gets no recorder.
 */
public final class RecorderStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecorderStack.class);

    private final RecorderConfig config;
    private final EmbeddedS3 s3;
    private final LessonRecorder recorder;
    private final String endpoint;

    private RecorderStack(RecorderConfig config, EmbeddedS3 s3, LessonRecorder recorder, String endpoint) {
        this.config = config;
        this.s3 = s3;
        this.recorder = recorder;
        this.endpoint = endpoint;
    }

    /**
     * Starts storage and the recorder.
     *
     * @throws IllegalStateException when recording is enabled and FFmpeg is missing (the message says how to install it)
     */
    public static RecorderStack start(RecorderConfig config, TimeSource time) throws Exception {
        if (!config.enabled()) return new RecorderStack(config, null, null, null);
        FfmpegTools tools = FfmpegTools.locate(config.ffmpegBin(), config.ffprobeBin());
        RecorderConfig.Storage st = config.storage();
        EmbeddedS3 s3 = null;
        String endpoint = st.endpoint();
        if (st.embedded()) {
            s3 = new EmbeddedS3(st.embeddedDir(), st.embeddedPort(), st.accessKey(), st.secretKey()).start();
            if (endpoint.isEmpty()) endpoint = s3.endpoint();
        }
        MinioObjectStore store = new MinioObjectStore(new MinioObjectStore.S3Settings(endpoint, st.region(), st.bucket(),
                st.accessKey(), st.secretKey(), st.timeout()));
        LessonRecorder recorder = new LessonRecorder(config, store, tools, time);
        try {
            recorder.checkStorage();
        } catch (StorageException e) {
            LOG.warn("object storage at {} is not reachable now ({}); recordings spool locally until it is", endpoint,
                    e.getMessage());
        }
        recorder.loadStoredRecordings();
        LOG.info("recorder ready: {} at {}, bucket {}, {}", st.embedded() ? "embedded S3" : "S3", endpoint, st.bucket(), tools);
        return new RecorderStack(config, s3, recorder, endpoint);
    }

    /** The recording service for signalling, or null when recording is switched off. */
    public RecordingService service() {
        return recorder;
    }

    /** The recorder itself (fault tests reach its live recordings and uploader). */
    public LessonRecorder recorder() {
        return recorder;
    }

    /** The embedded S3 server, or null when storage is external. */
    public EmbeddedS3 embeddedS3() {
        return s3;
    }

    public String endpoint() {
        return endpoint;
    }

    public RecorderConfig config() {
        return config;
    }

    String describe() {
        if (recorder == null) return "off (sabaq.recorder.enabled = false)";
        return (s3 != null ? "embedded S3 " : "S3 ") + endpoint + ", bucket " + config.storage().bucket();
    }

    @Override
    public void close() {
        if (recorder != null) recorder.close();
        if (s3 != null) {
            try {
                s3.close();
            } catch (Exception e) {
                LOG.warn("embedded S3 stop: {}", e.toString());
            }
        }
    }
}
