package sabaq.studio.operation;

import sabaq.studio.Json;
import sabaq.studio.error.OperationException;
import sabaq.studio.error.StudioError;
import sabaq.studio.media.MediaInfo;
import sabaq.studio.media.MediaProbe;
import sabaq.studio.workflow.Operation;
import sabaq.studio.workflow.StepContext;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code inspect}: checks every audio and video file of the lesson with {@link MediaProbe} (readable, accepted
 * codecs, no damaged or missing packets) and that each has what it is for: the source, intro, outro and PiP clip need
 * a picture, the audio description needs sound. Writes {@code media.json} (asset → {@link MediaInfo}).
 */
public final class InspectOperation implements Operation {
    public static final String MEDIA = "media";
    private static final List<String> NEEDS_VIDEO = List.of(LessonAssets.SOURCE, LessonAssets.INTRO, LessonAssets.OUTRO, LessonAssets.PIP);

    @Override
    public String name() {
        return "inspect";
    }

    @Override
    public void run(StepContext ctx) throws OperationException {
        MediaProbe probe = ctx.services().probe();
        Map<String, MediaInfo> infos = new LinkedHashMap<>();
        List<String> assets = LessonAssets.of(ctx.lesson()).keySet().stream().filter(LessonAssets::isMedia).toList();
        int done = 0;
        for (String asset : assets) {
            Path file = ctx.require(asset);
            MediaInfo info = probe.inspect(file, asset, ctx.cancellation());
            if (NEEDS_VIDEO.contains(asset) && !info.hasVideo()) {
                throw new OperationException(StudioError.NO_VIDEO, Map.of("asset", asset), file + " has no video stream");
            }
            if (LessonAssets.AUDIO_DESCRIPTION.equals(asset) && !info.hasAudio()) {
                throw new OperationException(StudioError.MEDIA_UNREADABLE, Map.of("asset", asset), file + " has no audio stream");
            }
            infos.put(asset, info);
            ctx.progress(++done / (double) assets.size());
        }
        Path out = ctx.outputDir().resolve("media.json");
        try {
            Json.write(out, infos);
        } catch (IOException e) {
            throw new OperationException(StudioError.INTERNAL, Map.of("detail", e.getMessage()), e.getMessage(), e);
        }
        ctx.output(MEDIA, out);
    }

    /** Reads the media facts the inspect step wrote. */
    static Map<String, MediaInfo> read(StepContext ctx) throws OperationException {
        Path p = ctx.require(MEDIA);
        try {
            Map<String, MediaInfo> m = new LinkedHashMap<>();
            var tree = Json.MAPPER.readTree(p.toFile());
            for (var it = tree.fields(); it.hasNext(); ) {
                var e = it.next();
                m.put(e.getKey(), Json.MAPPER.treeToValue(e.getValue(), MediaInfo.class));
            }
            return m;
        } catch (IOException e) {
            throw new OperationException(StudioError.INTERNAL, Map.of("detail", e.getMessage()), e.getMessage(), e);
        }
    }

    static MediaInfo info(StepContext ctx, String asset) throws OperationException {
        return Optional.ofNullable(read(ctx).get(asset)).orElseThrow(() -> new OperationException(StudioError.INTERNAL,
                Map.of("detail", "no media facts for " + asset), "no media facts for " + asset));
    }
}
