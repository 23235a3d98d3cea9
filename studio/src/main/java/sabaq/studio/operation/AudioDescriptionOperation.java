package sabaq.studio.operation;

import sabaq.studio.StudioServices;
import sabaq.studio.encoding.EncodingProfile;
import sabaq.studio.error.OperationException;
import sabaq.studio.media.FfmpegCommand;
import sabaq.studio.plan.EditPlan;
import sabaq.studio.plan.PlanGraph;
import sabaq.studio.workflow.Operation;
import sabaq.studio.workflow.StepContext;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code audio-description}: the described rendition for students with visual impairment. The narration (timed on
 * the source like the subtitles) is cut like the lesson, padded for the intro and outro and mixed over the lesson's
 * lowered sound (profile {@code audio-description}); the mix is then normalized in two passes like the main sound
 * (profile {@code loudness}) and written as FLAC ({@code described}) for the HLS step to encode.
 */
public final class AudioDescriptionOperation implements Operation {
    public static final String DESCRIBED = "described";

    @Override
    public String name() {
        return "audio-description";
    }

    @Override
    public void run(StepContext ctx) throws OperationException {
        EditPlan plan = Plans.read(ctx);
        StudioServices s = ctx.services();
        Path narration = ctx.require(LessonAssets.AUDIO_DESCRIPTION);
        LoudnessMeasurement m = LoudnessOperation.measure(s, graph(ctx, plan, narration), "[mixed]", plan.durationSeconds(),
                ctx.with(), f -> ctx.progress(f / 2), ctx.cancellation(), "audio-description measure");
        PlanGraph g = graph(ctx, plan, narration);
        EncodingProfile loud = s.profiles().get("loudness");
        Map<String, String> lp = s.profiles().parameters("loudness", ctx.with(), m.applyParameters());
        g.chain("[mixed]", m.silent() ? loud.filter("passthrough", lp) : loud.filter("apply", lp), "[described]");
        EncodingProfile ad = s.profiles().get("audio-description");
        FfmpegCommand cmd = new FfmpegCommand(s.tools(), "audio-description");
        g.addInputs(cmd);
        Path out = ctx.outputDir().resolve("described.flac");
        cmd.filterGraph(g.graph()).output(out.toString(), ad.arguments("output", s.profiles().parameters("audio-description", ctx.with(), Map.of())));
        cmd.run(plan.durationSeconds(), f -> ctx.progress(0.5 + f / 2), ctx.cancellation());
        ctx.output(DESCRIBED, out);
    }

    /** The plan's sound, lowered, with the aligned narration mixed over it, at {@code [mixed]}. */
    private static PlanGraph graph(StepContext ctx, EditPlan plan, Path narration) {
        StudioServices s = ctx.services();
        PlanGraph g = PlanGraph.build(plan, Plans.work(ctx), s.profiles().get("edit"),
                s.profiles().parameters("edit", Map.of(), Map.of()), false);
        int narrationInput = g.addExtraInput(narration);
        EncodingProfile ad = s.profiles().get("audio-description");
        Map<String, String> p = s.profiles().parameters("audio-description", ctx.with(), Map.of());
        String narr = g.alignedAudio(plan, "[" + narrationInput + ":a]");
        String lowered = g.label();
        g.chain(PlanGraph.AUDIO, ad.filter("lower", p), lowered);
        g.chain(lowered + narr, ad.filter("mix", p), "[mixed]");
        return g;
    }
}
