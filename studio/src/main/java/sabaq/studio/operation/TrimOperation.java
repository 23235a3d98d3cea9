package sabaq.studio.operation;

import sabaq.studio.course.Cuts;
import sabaq.studio.course.TimeRange;
import sabaq.studio.encoding.EncodingProfile;
import sabaq.studio.error.OperationException;
import sabaq.studio.error.StudioError;
import sabaq.studio.media.MediaInfo;
import sabaq.studio.plan.EditPlan;
import sabaq.studio.workflow.Operation;
import sabaq.studio.workflow.StepContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code trim}: starts the lesson's edit plan from its source and its edit decision list (keep {@code start} to
 * {@code end}, drop each {@code remove} range), checked against the source's real length: a cut outside the video is
 * refused here ({@link StudioError#CUT_OUTSIDE_VIDEO}), as are cuts that end before they start or overlap
 * ({@link StudioError#CUT_INVALID}) and cuts that leave nothing ({@link StudioError#NOTHING_LEFT}). The canvas size
 * and frame rate come from the {@code edit} profile. Nothing is encoded: the plan is rendered later in one run.
 */
public final class TrimOperation implements Operation {
    /** Tolerance for an end mark at "the end": container durations differ from the last frame by a few ms. */
    static final double END_SLACK = 0.1;
    /** Pieces shorter than this are dropped (less than a frame at any usual rate). */
    static final double MIN_PIECE = 0.02;

    @Override
    public String name() {
        return "trim";
    }

    @Override
    public void run(StepContext ctx) throws OperationException {
        MediaInfo src = InspectOperation.info(ctx, LessonAssets.SOURCE);
        EncodingProfile edit = ctx.services().profiles().get("edit");
        Map<String, String> p = ctx.services().profiles().parameters("edit", ctx.with(), Map.of());
        EditPlan.Clip lecture = new EditPlan.Clip(Plans.relative(ctx, ctx.require(LessonAssets.SOURCE)), src.durationSeconds(), src.hasAudio());
        EditPlan plan = EditPlan.of(intParam(edit, p, "width"), intParam(edit, p, "height"), intParam(edit, p, "fps"), lecture)
                .withKeep(keep(ctx.lesson().cuts(), src.durationSeconds()));
        Plans.write(ctx, plan);
    }

    /** The kept ranges of a source of {@code duration} seconds. */
    static List<TimeRange> keep(Cuts cuts, double duration) throws OperationException {
        double start = cuts.start();
        double end = cuts.end() == null ? duration : cuts.end();
        if (start >= duration || end > duration + END_SLACK) throw outside(start, end, duration);
        end = Math.min(end, duration);
        if (end <= start) throw invalid(start, end);
        List<TimeRange> removes = new ArrayList<>(cuts.remove());
        removes.sort(Comparator.comparingDouble(TimeRange::start));
        List<TimeRange> keep = new ArrayList<>();
        double cursor = start;
        double lastEnd = -1;
        for (TimeRange r : removes) {
            if (r.end() <= r.start()) throw invalid(r.start(), r.end());
            if (r.start() >= duration || r.end() > duration + END_SLACK) throw outside(r.start(), r.end(), duration);
            if (r.start() < lastEnd) throw invalid(r.start(), r.end());
            lastEnd = r.end();
            double s = Math.max(r.start(), start);
            double e = Math.min(r.end(), end);
            if (e <= s) continue;
            if (s - cursor >= MIN_PIECE) keep.add(new TimeRange(cursor, s));
            cursor = Math.max(cursor, e);
        }
        if (end - cursor >= MIN_PIECE) keep.add(new TimeRange(cursor, end));
        double total = 0;
        for (TimeRange r : keep) total += r.length();
        if (total < 0.5) throw new OperationException(StudioError.NOTHING_LEFT, Map.of(), "cuts keep " + total + " s");
        return keep;
    }

    private static OperationException outside(double s, double e, double duration) {
        return new OperationException(StudioError.CUT_OUTSIDE_VIDEO,
                Map.of("start", fmt(s), "end", fmt(e), "duration", fmt(duration)),
                "cut " + fmt(s) + "-" + fmt(e) + " outside " + fmt(duration) + " s");
    }

    private static OperationException invalid(double s, double e) {
        return new OperationException(StudioError.CUT_INVALID, Map.of("start", fmt(s), "end", fmt(e)), "cut " + fmt(s) + "-" + fmt(e));
    }

    static String fmt(double s) {
        return String.format(Locale.ROOT, "%.1f", s);
    }

    private static int intParam(EncodingProfile edit, Map<String, String> p, String name) throws OperationException {
        try {
            int v = Integer.parseInt(p.get(name));
            if (v < 16 || v > 4096) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new OperationException(StudioError.INTERNAL, Map.of("detail", edit.id() + "." + name),
                    "encoding profile " + edit.id() + ": bad " + name + " " + p.get(name));
        }
    }
}
