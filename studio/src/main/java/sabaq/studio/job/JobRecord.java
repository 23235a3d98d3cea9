package sabaq.studio.job;

import sabaq.studio.course.Course;

import java.util.List;

/**
 * A job as the journal keeps it ({@code <data-dir>/jobs/<id>.json}): what to do (the workflow and a snapshot of the
 * course), its state, every step with its outputs, progress and ETA, and the error that stopped it.
 *
 * @param progress   0..1
 * @param etaSeconds seconds left, estimated; null when not running
 */
public record JobRecord(String id, String workflow, Course course, JobState state, int attempt, long createdAt,
                        long startedAt, long finishedAt, List<StepRecord> steps, double progress, Double etaSeconds,
                        JobError error) {
    public JobRecord {
        steps = List.copyOf(steps);
    }

    public JobRecord withState(JobState s, long started, long finished) {
        return new JobRecord(id, workflow, course, s, attempt, createdAt, started, finished, steps, progress, etaSeconds, error);
    }

    public JobRecord withSteps(List<StepRecord> list) {
        return new JobRecord(id, workflow, course, state, attempt, createdAt, startedAt, finishedAt, list, progress, etaSeconds, error);
    }

    public JobRecord withProgress(double p, Double eta) {
        return new JobRecord(id, workflow, course, state, attempt, createdAt, startedAt, finishedAt, steps, p, eta, error);
    }

    public JobRecord withError(JobError e) {
        return new JobRecord(id, workflow, course, state, attempt, createdAt, startedAt, finishedAt, steps, progress, etaSeconds, e);
    }

    public JobRecord withAttempt(int a) {
        return new JobRecord(id, workflow, course, state, a, createdAt, startedAt, finishedAt, steps, progress, etaSeconds, error);
    }

    /** The step running now (or the one that failed), or null. */
    public StepRecord currentStep() {
        for (StepRecord s : steps) {
            if (s.state() == StepState.RUNNING || s.state() == StepState.FAILED) return s;
        }
        return null;
    }
}
