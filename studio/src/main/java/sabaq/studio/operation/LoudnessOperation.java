package sabaq.studio.operation;

import com.github.kokorin.jaffree.LogLevel;
import sabaq.studio.Json;
import sabaq.studio.StudioServices;
import sabaq.studio.encoding.EncodingProfile;
import sabaq.studio.error.OperationException;
import sabaq.studio.error.StudioError;
import sabaq.studio.media.Cancellation;
import sabaq.studio.media.FfmpegCommand;
import sabaq.studio.plan.EditPlan;
import sabaq.studio.plan.PlanGraph;
import sabaq.studio.workflow.Operation;
import sabaq.studio.workflow.StepContext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

/**
 * {@code loudness}: the measuring pass of EBU R128 normalization over the edited lesson's sound (the plan's audio
 * graph only, no video decoding: seconds for an hour). Writes {@code loudness.json}; the {@code hls} step applies the
 * correction with these values (profile {@code loudness}).
 */
public final class LoudnessOperation implements Operation {
    public static final String LOUDNESS = "loudness";

    @Override
    public String name() {
        return "loudness";
    }

    @Override
    public void run(StepContext ctx) throws OperationException {
        EditPlan plan = Plans.read(ctx);
        StudioServices s = ctx.services();
        PlanGraph g = PlanGraph.build(plan, Plans.work(ctx), s.profiles().get("edit"),
                s.profiles().parameters("edit", Map.of(), Map.of()), false);
        LoudnessMeasurement m = measure(s, g, PlanGraph.AUDIO, plan.durationSeconds(), ctx.with(), ctx::progress,
                ctx.cancellation(), "loudness");
        Path out = ctx.outputDir().resolve("loudness.json");
        try {
            Json.write(out, m);
        } catch (IOException e) {
            throw Plans.internal(e);
        }
        ctx.output(LOUDNESS, out);
    }

    /** Runs loudnorm's measuring pass on {@code audioLabel} of a graph (its inputs added here). */
    static LoudnessMeasurement measure(StudioServices s, PlanGraph g, String audioLabel, double seconds,
                                       Map<String, String> with, DoubleConsumer progress, Cancellation cancel,
                                       String context) throws OperationException {
        EncodingProfile loud = s.profiles().get("loudness");
        Map<String, String> p = s.profiles().parameters("loudness", with, Map.of());
        g.chain(audioLabel, loud.filter("measure", p), "[measured]");
        FfmpegCommand cmd = new FfmpegCommand(s.tools(), context);
        g.addInputs(cmd);
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        cmd.filterGraph(g.graph()).output("-", loud.arguments("measure-output", p)).listen(LogLevel.INFO, lines::add);
        cmd.run(seconds, progress, cancel);
        synchronized (lines) {
            return LoudnessMeasurement.parse(lines).orElseThrow(() -> new OperationException(StudioError.PROCESSING_FAILED,
                    Map.of("detail", "no loudness measurement"), context + ": loudnorm printed no measurement"));
        }
    }

    static LoudnessMeasurement read(Path file) throws OperationException {
        try {
            return Json.read(file, LoudnessMeasurement.class);
        } catch (IOException e) {
            throw Plans.internal(e);
        }
    }
}
