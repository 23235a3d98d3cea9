package sabaq.studio.operation;

import sabaq.studio.StudioServices;
import sabaq.studio.encoding.EncodingProfile;
import sabaq.studio.error.OperationException;
import sabaq.studio.media.FfmpegCommand;
import sabaq.studio.plan.EditPlan;
import sabaq.studio.workflow.Operation;
import sabaq.studio.workflow.StepContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code thumbnails}: the lesson's poster (a few seconds after the intro) and one picture per chapter, taken from the
 * top rendition of the {@code hls} output (profile {@code thumbnail}).
 */
public final class ThumbnailsOperation implements Operation {
    public static final String THUMBNAILS = "thumbnails";

    @Override
    public String name() {
        return "thumbnails";
    }

    @Override
    public void run(StepContext ctx) throws OperationException {
        StudioServices s = ctx.services();
        EditPlan plan = Plans.read(ctx);
        Path hls = ctx.require(HlsOperation.HLS);
        String top = s.profiles().get("hls-ladder").set("renditions").get(0).get("name");
        Path playlist = hls.resolve(top).resolve("index.m3u8");
        Path out = ctx.outputDir().resolve("thumbnails");
        List<Double> times = new ArrayList<>();
        double lead = plan.intro() == null ? 0 : plan.intro().durationSeconds();
        times.add(Math.min(lead + Math.min(5, plan.timeline().keptSeconds() / 3), plan.durationSeconds() - 0.5));
        Map<Double, String> names = new LinkedHashMap<>();
        names.put(times.get(0), "poster.jpg");
        Path chapters = ctx.artifact("chapters").orElse(null);
        if (chapters != null) {
            try {
                var list = sabaq.studio.Json.MAPPER.readTree(chapters.toFile());
                for (int i = 0; i < list.size(); i++) {
                    double at = Math.min(list.get(i).get("start").asDouble() + 1, plan.durationSeconds() - 0.5);
                    names.put(at + i * 1e-9, "chapter-" + (i + 1) + ".jpg");
                }
            } catch (IOException e) {
                throw Plans.internal(e);
            }
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw Plans.internal(e);
        }
        EncodingProfile thumb = s.profiles().get("thumbnail");
        int done = 0;
        for (Map.Entry<Double, String> e : names.entrySet()) {
            Map<String, String> p = s.profiles().parameters("thumbnail", ctx.with(),
                    Map.of("at", String.format(Locale.ROOT, "%.3f", Math.max(0, e.getKey()))));
            FfmpegCommand cmd = new FfmpegCommand(s.tools(), "thumbnail " + e.getValue());
            cmd.input(playlist.toString(), thumb.arguments("input", p));
            cmd.output(out.resolve(e.getValue()).toString(), thumb.arguments("output", p));
            cmd.run(0, f -> { }, ctx.cancellation());
            ctx.progress(++done / (double) names.size());
        }
        ctx.output(THUMBNAILS, out);
    }
}
