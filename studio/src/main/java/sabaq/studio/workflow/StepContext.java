package sabaq.studio.workflow;

import sabaq.studio.StudioServices;
import sabaq.studio.course.Course;
import sabaq.studio.course.Lesson;
import sabaq.studio.error.OperationException;
import sabaq.studio.media.Cancellation;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** What a running step sees: its lesson, its configuration, the artifacts of earlier steps, and where to write. */
public interface StepContext {
    /** The job's id (also the publication id of a publish job). */
    String jobId();

    /** The step id in the workflow. */
    String stepId();

    /** The course as it was when the job was submitted. */
    Course course();

    /** The lesson this step works on; null for course steps. */
    Lesson lesson();

    /** The step's configuration ({@code with} in the workflow). */
    Map<String, String> with();

    /** A configuration value, or {@code fallback}. */
    default String with(String key, String fallback) {
        return with().getOrDefault(key, fallback);
    }

    /** Where the step writes its outputs (empty at the start of every attempt). */
    Path outputDir();

    /** Registers an output file or directory (inside {@link #outputDir()}) under an artifact name. */
    void output(String name, Path file);

    /** An artifact of an earlier step of this lesson (or of the course, for course steps). */
    Optional<Path> artifact(String name);

    /** An artifact that must exist. */
    default Path require(String name) throws OperationException {
        return artifact(name).orElseThrow(() -> new OperationException(sabaq.studio.error.StudioError.INTERNAL,
                Map.of("detail", "missing artifact " + name), "step " + stepId() + " needs artifact " + name));
    }

    /** An artifact of another lesson (course steps read every lesson's outputs). */
    Optional<Path> lessonArtifact(String lessonId, String name);

    /** Reports progress of this step, 0..1. Cheap; call as often as convenient. */
    void progress(double fraction);

    Cancellation cancellation();

    StudioServices services();
}
