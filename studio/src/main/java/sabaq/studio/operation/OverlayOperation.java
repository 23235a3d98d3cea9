package sabaq.studio.operation;

import sabaq.studio.course.Pip;
import sabaq.studio.error.OperationException;
import sabaq.studio.media.MediaInfo;
import sabaq.studio.plan.EditPlan;
import sabaq.studio.workflow.Operation;
import sabaq.studio.workflow.StepContext;

import java.util.Map;

/**
 * {@code overlay}: adds the sign-language interpreter to the edit plan as picture-in-picture: {@code size} of the
 * canvas width (height from the clip's aspect ratio), in the chosen corner with a margin (profile {@code edit},
 * value {@code pip-margin}), starting {@code offset} seconds into the source. The overlay is applied on the
 * source's timeline before the cuts, so the interpreter is cut together with the lecture.
 */
public final class OverlayOperation implements Operation {
    @Override
    public String name() {
        return "overlay";
    }

    @Override
    public void run(StepContext ctx) throws OperationException {
        EditPlan plan = Plans.read(ctx);
        Pip pip = ctx.lesson().pip();
        MediaInfo clip = InspectOperation.info(ctx, LessonAssets.PIP);
        Map<String, String> params = ctx.services().profiles().parameters("edit", ctx.with(), Map.of());
        double margin = Double.parseDouble(ctx.services().profiles().get("edit").value("pip-margin", params));
        Plans.write(ctx, plan.withPip(place(plan, pip, clip.video().width(), clip.video().height(), margin,
                Plans.relative(ctx, ctx.require(LessonAssets.PIP)))));
    }

    /** The PiP rectangle on the canvas, with even sizes (4:2:0 chroma). */
    static EditPlan.PipPlacement place(EditPlan plan, Pip pip, int clipWidth, int clipHeight, double marginFraction, String file) {
        int w = even((int) Math.round(plan.width() * pip.size()));
        double aspect = clipWidth > 0 && clipHeight > 0 ? clipHeight / (double) clipWidth : 9 / 16.0;
        int h = even((int) Math.round(w * aspect));
        h = Math.min(h, even(plan.height()));
        int m = (int) Math.round(plan.width() * marginFraction);
        boolean left = pip.corner().endsWith("left");
        boolean top = pip.corner().startsWith("top");
        int x = left ? m : plan.width() - w - m;
        int y = top ? m : plan.height() - h - m;
        return new EditPlan.PipPlacement(file, Math.max(0, x), Math.max(0, y), w, h, pip.offset());
    }

    private static int even(int v) {
        return Math.max(2, v - (v % 2));
    }
}
