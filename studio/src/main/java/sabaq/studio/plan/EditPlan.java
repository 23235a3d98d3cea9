package sabaq.studio.plan;

import sabaq.studio.course.TimeRange;

import java.util.List;

/**
 * The edit of one lesson as data, built up by the trim, overlay and concat steps (each reads the plan, adds its part,
 * and writes a new plan) and rendered in one FFmpeg run by {@link PlanGraph}: the kept ranges of the lecture, the
 * sign-language PiP laid over the lecture, the intro and outro around it, all on a canvas of one size and frame rate.
 * File paths are relative to the job's working directory.
 *
 * @param pip   null without a PiP
 * @param intro null without an intro
 * @param outro null without an outro
 */
public record EditPlan(int width, int height, int fps, Clip lecture, List<TimeRange> keep, PipPlacement pip,
                       Clip intro, Clip outro) {

    /** A media file with its length and whether it has sound. */
    public record Clip(String file, double durationSeconds, boolean hasAudio) {
    }

    /** Where the PiP goes on the canvas, in pixels, and where its clip starts on the lecture's timeline. */
    public record PipPlacement(String file, int x, int y, int width, int height, double offsetSeconds) {
    }

    public EditPlan {
        keep = List.copyOf(keep);
    }

    /** The plan of an untouched lecture. */
    public static EditPlan of(int width, int height, int fps, Clip lecture) {
        return new EditPlan(width, height, fps, lecture, List.of(new TimeRange(0, lecture.durationSeconds())), null, null, null);
    }

    public EditPlan withKeep(List<TimeRange> ranges) {
        return new EditPlan(width, height, fps, lecture, ranges, pip, intro, outro);
    }

    public EditPlan withPip(PipPlacement p) {
        return new EditPlan(width, height, fps, lecture, keep, p, intro, outro);
    }

    public EditPlan withIntroOutro(Clip in, Clip out) {
        return new EditPlan(width, height, fps, lecture, keep, pip, in, out);
    }

    /** The published lesson's length. */
    public double durationSeconds() {
        return (intro == null ? 0 : intro.durationSeconds()) + timeline().keptSeconds()
                + (outro == null ? 0 : outro.durationSeconds());
    }

    /** How source times map to published times. */
    public Timeline timeline() {
        return new Timeline(keep, intro == null ? 0 : intro.durationSeconds());
    }
}
