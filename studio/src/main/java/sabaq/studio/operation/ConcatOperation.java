package sabaq.studio.operation;

import sabaq.studio.error.OperationException;
import sabaq.studio.media.MediaInfo;
import sabaq.studio.plan.EditPlan;
import sabaq.studio.workflow.Operation;
import sabaq.studio.workflow.StepContext;

import java.util.Map;

/**
 * {@code concat}: puts the intro before and the outro after the lesson in the edit plan (each whole, scaled to the
 * canvas; a clip without sound gets silence). Subtitles, chapters and the audio description move by the intro's
 * length.
 */
public final class ConcatOperation implements Operation {
    @Override
    public String name() {
        return "concat";
    }

    @Override
    public void run(StepContext ctx) throws OperationException {
        EditPlan plan = Plans.read(ctx);
        Map<String, MediaInfo> media = InspectOperation.read(ctx);
        EditPlan.Clip intro = clip(ctx, media, LessonAssets.INTRO);
        EditPlan.Clip outro = clip(ctx, media, LessonAssets.OUTRO);
        Plans.write(ctx, plan.withIntroOutro(intro, outro));
    }

    private static EditPlan.Clip clip(StepContext ctx, Map<String, MediaInfo> media, String asset) throws OperationException {
        MediaInfo info = media.get(asset);
        if (info == null) return null;
        return new EditPlan.Clip(Plans.relative(ctx, ctx.require(asset)), info.durationSeconds(), info.hasAudio());
    }
}
