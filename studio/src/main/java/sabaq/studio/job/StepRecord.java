package sabaq.studio.job;

import java.util.Map;

/**
 * One step of a job in the journal.
 *
 * @param lessonId  null for course steps
 * @param weight    expected seconds of work per second of media (from the workflow)
 * @param artifacts output name → path relative to the job's working directory
 */
public record StepRecord(String lessonId, String stepId, String operation, StepState state, double weight,
                         Map<String, String> artifacts, long startedAt, long finishedAt) {
    public StepRecord {
        artifacts = artifacts == null ? Map.of() : Map.copyOf(artifacts);
    }

    public static StepRecord pending(String lessonId, String stepId, String operation, double weight) {
        return new StepRecord(lessonId, stepId, operation, StepState.PENDING, weight, Map.of(), 0, 0);
    }

    public StepRecord with(StepState s, Map<String, String> artifactMap, long started, long finished) {
        return new StepRecord(lessonId, stepId, operation, s, weight, artifactMap, started, finished);
    }

    public StepRecord reset() {
        return with(StepState.PENDING, Map.of(), 0, 0);
    }
}
