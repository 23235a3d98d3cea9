package sabaq.studio;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.time.TimeSource;
import sabaq.recorder.ffmpeg.FfmpegTools;
import sabaq.recorder.storage.ObjectStore;
import sabaq.recorder.storage.StorageException;
import sabaq.studio.catalog.ObjectStoreCatalog;
import sabaq.studio.config.StudioConfig;
import sabaq.studio.course.Course;
import sabaq.studio.course.ObjectStoreCourseStore;
import sabaq.studio.encoding.ProfileRegistry;
import sabaq.studio.error.OperationException;
import sabaq.studio.error.StudioError;
import sabaq.studio.job.JobQueue;
import sabaq.studio.job.JobRecord;
import sabaq.studio.operation.Operations;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * The studio in one process: the shared services, the upload checks and the job queue running the
 * {@value #PUBLISH_WORKFLOW} workflow. Used by the launcher (behind the web routes) and by the command line.
 * {@link #start} checks every workflow and encoding profile, so a broken definition stops the start.
 */
public final class Studio implements AutoCloseable {
    public static final String PUBLISH_WORKFLOW = "publish-course";
    private static final Logger LOG = LoggerFactory.getLogger(Studio.class);

    private final StudioServices services;
    private final UploadService uploads;
    private final JobQueue jobs;

    private Studio(StudioServices services, JobQueue jobs) {
        this.services = services;
        this.uploads = new UploadService(services);
        this.jobs = jobs;
    }

    /**
     * Starts the studio: creates the bucket when missing, loads the definitions and resumes the jobs a previous
     * process left unfinished.
     *
     * @param recordings the recorder's store (recordings used as sources)
     */
    public static Studio start(StudioConfig config, FfmpegTools tools, ObjectStore store, ObjectStore recordings,
                               TimeSource time) throws IOException, StorageException {
        Files.createDirectories(config.dataDir());
        ProfileRegistry profiles = new ProfileRegistry(config.profileParameters());
        StudioServices services = new StudioServices(config, tools, profiles, store, recordings,
                new ObjectStoreCourseStore(store, config.incomingDir()), new ObjectStoreCatalog(store, config.incomingDir()), time);
        store.ensureBucket();
        JobQueue jobs = new JobQueue(services, Operations.standard());
        jobs.workflow(PUBLISH_WORKFLOW);
        for (String p : new String[]{"edit", "inspect", "remux", "loudness", "audio-description", "thumbnail", "hls-ladder"}) {
            profiles.get(p);
        }
        Studio studio = new Studio(services, jobs);
        int resumed = jobs.resume();
        if (resumed > 0) LOG.info("studio: resumed {} unfinished job(s)", resumed);
        return studio;
    }

    public StudioServices services() {
        return services;
    }

    public UploadService uploads() {
        return uploads;
    }

    public JobQueue jobs() {
        return jobs;
    }

    /**
     * Queues the publication of a saved course.
     *
     * @throws OperationException COURSE_INVALID (unknown course or not publishable) or STORAGE_FAILED
     */
    public JobRecord publish(String courseId) throws OperationException, IOException {
        Course c;
        try {
            c = services.courses().get(courseId).orElseThrow(() -> new OperationException(StudioError.COURSE_INVALID,
                    Map.of("field", "id", "reason", "no such course"), "no course " + courseId));
        } catch (StorageException e) {
            throw new OperationException(StudioError.STORAGE_FAILED, Map.of("detail", String.valueOf(e.getMessage())), e.getMessage(), e);
        }
        return jobs.submit(c, PUBLISH_WORKFLOW);
    }

    @Override
    public void close() {
        jobs.close();
    }
}
