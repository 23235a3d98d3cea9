package sabaq.studio.workflow;

import java.util.Map;

/**
 * One step of a workflow: which operation to run, when ({@code condition}, a lesson feature that must be present:
 * {@code intro}, {@code outro}, {@code pip}, {@code subtitles}, {@code audio-description}, {@code chapters},
 * {@code cuts}; null: always), with what configuration, and its expected cost in seconds of work per second of media
 * (for progress and the ETA).
 */
public record StepDefinition(String id, String operation, String condition, Map<String, String> with, double weight,
                             boolean failOnError) {
    public StepDefinition {
        with = Map.copyOf(with);
    }
}
