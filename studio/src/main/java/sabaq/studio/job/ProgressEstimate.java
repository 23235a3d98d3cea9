package sabaq.studio.job;

import java.util.List;
import java.util.Map;

/**
 * Progress and time left of a job from its steps' weights. A step's cost is its weight (seconds of work per second
 * of media) times the media seconds of its lesson (known once the inspect step has run; a guess before) plus a fixed
 * half second; progress is the cost of finished steps plus the running step's fraction of its own. The ETA comes
 * from the speed observed in this run once there is enough of it (2 s and 1 %), else from the costs themselves.
 */
public final class ProgressEstimate {
    static final double GUESSED_MEDIA_SECONDS = 600;
    static final double STEP_OVERHEAD = 0.5;

    private ProgressEstimate() {
    }

    /** Progress 0..1 and seconds left. */
    public record Value(double progress, double etaSeconds) {
    }

    /**
     * @param mediaSeconds media seconds per lesson id (missing: guessed); the key null is the whole course
     * @param runningFraction fraction done of the running step (0 when none runs)
     * @param runStartProgress progress when this run (process) started the job
     * @param runSeconds seconds since this run started
     */
    public static Value of(List<StepRecord> steps, Map<String, Double> mediaSeconds, double runningFraction,
                           double runStartProgress, double runSeconds) {
        double total = 0;
        double done = 0;
        for (StepRecord s : steps) {
            double c = cost(s, mediaSeconds);
            total += c;
            if (s.state() == StepState.DONE) done += c;
            else if (s.state() == StepState.RUNNING) done += c * Math.max(0, Math.min(1, runningFraction));
        }
        double progress = total <= 0 ? 1 : Math.min(1, done / total);
        double eta;
        double gained = progress - runStartProgress;
        if (runSeconds >= 2 && gained >= 0.01) {
            eta = (1 - progress) * runSeconds / gained;
        } else {
            eta = Math.max(0, total - done);
        }
        return new Value(progress, eta);
    }

    static double cost(StepRecord s, Map<String, Double> mediaSeconds) {
        double media;
        if (s.lessonId() == null) {
            media = 0;
            for (double v : mediaSeconds.values()) media += v;
            if (mediaSeconds.isEmpty()) media = GUESSED_MEDIA_SECONDS;
        } else {
            media = mediaSeconds.getOrDefault(s.lessonId(), GUESSED_MEDIA_SECONDS);
        }
        return s.weight() * media + STEP_OVERHEAD;
    }
}
