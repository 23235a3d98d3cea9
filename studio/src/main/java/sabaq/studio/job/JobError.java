package sabaq.studio.job;

import java.util.Map;

/**
 * Why a job stopped: the step and lesson, the error code and its arguments (for the kk/ru/en message), and a
 * technical detail for the log.
 */
public record JobError(String stepId, String lessonId, String code, Map<String, String> args, String detail) {
    public JobError {
        args = args == null ? Map.of() : Map.copyOf(args);
    }
}
