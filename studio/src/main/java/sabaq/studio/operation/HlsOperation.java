package sabaq.studio.operation;

import com.github.kokorin.jaffree.JaffreeException;
import com.github.kokorin.jaffree.StreamType;
import com.github.kokorin.jaffree.ffprobe.FFprobeResult;
import com.github.kokorin.jaffree.ffprobe.Stream;
import sabaq.studio.StudioServices;
import sabaq.studio.encoding.EncodingProfile;
import sabaq.studio.error.OperationException;
import sabaq.studio.error.StudioError;
import sabaq.studio.hls.MasterPlaylist;
import sabaq.studio.hls.PlaylistStats;
import sabaq.studio.hls.SubtitlePlaylist;
import sabaq.studio.media.FfmpegCommand;
import sabaq.studio.plan.EditPlan;
import sabaq.studio.plan.PlanGraph;
import sabaq.studio.subtitle.SubtitleParser;
import sabaq.studio.subtitle.WebVttWriter;
import sabaq.studio.workflow.Operation;
import sabaq.studio.workflow.StepContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code hls}: renders the edit plan once into the HLS ladder (profile {@code hls-ladder}): the plan's graph, split
 * and scaled per rendition, the sound corrected with the loudness step's measurement (second loudnorm pass), the
 * audio-description track when there is one. Then writes the WebVTT subtitle renditions (with the
 * {@code X-TIMESTAMP-MAP} of the video's first timestamp) and the master playlist ({@link MasterPlaylist}).
 * Output: the {@code hls} directory.
 */
public final class HlsOperation implements Operation {
    public static final String HLS = "hls";
    static final Map<String, String> LANGUAGE_NAMES = Map.of("kk", "Қазақша", "ru", "Русский");

    @Override
    public String name() {
        return "hls";
    }

    @Override
    public void run(StepContext ctx) throws OperationException {
        StudioServices s = ctx.services();
        EditPlan plan = Plans.read(ctx);
        EncodingProfile ladder = s.profiles().get("hls-ladder");
        Map<String, String> lp = s.profiles().parameters("hls-ladder", ctx.with(), Map.of());
        PlanGraph g = PlanGraph.build(plan, Plans.work(ctx), s.profiles().get("edit"), s.profiles().parameters("edit", Map.of(), Map.of()), true);

        EncodingProfile loud = s.profiles().get("loudness");
        Optional<Path> measured = ctx.artifact(LoudnessOperation.LOUDNESS);
        LoudnessMeasurement m = measured.isPresent() ? LoudnessOperation.read(measured.get()) : null;
        Map<String, String> loudParams = s.profiles().parameters("loudness", Map.of(), m == null ? Map.of() : m.applyParameters());
        g.chain(PlanGraph.AUDIO, m == null || m.silent() ? loud.filter("passthrough", loudParams) : loud.filter("apply", loudParams), "[a0]");

        List<Map<String, String>> renditions = ladder.set("renditions");
        StringBuilder splitOut = new StringBuilder();
        for (int i = 0; i < renditions.size(); i++) splitOut.append("[s").append(i).append(']');
        g.chain(PlanGraph.VIDEO, ladder.filter("split", with(lp, Map.of("n", Integer.toString(renditions.size())))), splitOut.toString());
        for (int i = 0; i < renditions.size(); i++) {
            g.chain("[s" + i + "]", ladder.filter("scale", with(lp, renditions.get(i))), "[v" + i + "]");
        }
        Optional<Path> described = ctx.artifact(AudioDescriptionOperation.DESCRIBED);
        int describedInput = described.isPresent() ? g.addExtraInput(described.get()) : -1;

        Path out = ctx.outputDir().resolve("hls");
        List<String> args = new ArrayList<>();
        StringBuilder streamMap = new StringBuilder();
        for (int i = 0; i < renditions.size(); i++) {
            args.addAll(ladder.arguments("map", with(lp, Map.of("label", "[v" + i + "]"))));
            streamMap.append("v:").append(i).append(",agroup:aud,name:").append(renditions.get(i).get("name")).append(' ');
        }
        args.addAll(ladder.arguments("map", with(lp, Map.of("label", "[a0]"))));
        streamMap.append("a:0,agroup:aud,name:audio");
        if (describedInput >= 0) {
            args.addAll(ladder.arguments("map", with(lp, Map.of("label", describedInput + ":a:0"))));
            streamMap.append(" a:1,agroup:aud,name:described");
        }
        int gop = (int) Math.round(Double.parseDouble(lp.get("segment-seconds")) * plan.fps());
        args.addAll(ladder.arguments("video", with(lp, Map.of("gop", Integer.toString(gop)))));
        for (int i = 0; i < renditions.size(); i++) {
            Map<String, String> r = new LinkedHashMap<>(renditions.get(i));
            r.put("index", Integer.toString(i));
            args.addAll(ladder.arguments("rendition", with(lp, r)));
        }
        args.addAll(ladder.arguments("audio", lp));
        args.addAll(ladder.arguments("output", with(lp, Map.of(
                "segments", out.resolve("%v").resolve("seg_%03d.ts").toString(),
                "stream-map", streamMap.toString()))));

        FfmpegCommand cmd = new FfmpegCommand(s.tools(), "hls");
        g.addInputs(cmd);
        cmd.filterGraph(g.graph()).output(out.resolve("%v").resolve("index.m3u8").toString(), args);
        cmd.run(plan.durationSeconds(), f -> ctx.progress(f * 0.97), ctx.cancellation());

        try {
            List<MasterPlaylist.Video> videos = new ArrayList<>();
            for (Map<String, String> r : renditions) {
                Path pl = out.resolve(r.get("name")).resolve("index.m3u8");
                videos.add(new MasterPlaylist.Video(r.get("name") + "/index.m3u8", Integer.parseInt(r.get("width")),
                        Integer.parseInt(r.get("height")), r.get("codecs"), PlaylistStats.of(pl)));
            }
            List<MasterPlaylist.Audio> audios = new ArrayList<>();
            audios.add(new MasterPlaylist.Audio("audio/index.m3u8", "Sabaq", null, true, false,
                    PlaylistStats.of(out.resolve("audio").resolve("index.m3u8"))));
            if (describedInput >= 0) {
                audios.add(new MasterPlaylist.Audio("described/index.m3u8", "Audio description", null, false, true,
                        PlaylistStats.of(out.resolve("described").resolve("index.m3u8"))));
            }
            long mpegTs = firstVideoTimestamp(s, out.resolve(renditions.get(0).get("name")));
            List<MasterPlaylist.Subtitles> subs = new ArrayList<>();
            for (String lang : new String[]{"kk", "ru"}) {
                Optional<Path> vtt = ctx.artifact("vtt-" + lang);
                if (vtt.isEmpty()) continue;
                Path dir = Files.createDirectories(out.resolve("subtitles").resolve(lang));
                SubtitleParser.Result cues = SubtitleParser.read(Files.readString(vtt.get(), StandardCharsets.UTF_8));
                Files.writeString(dir.resolve("subtitles.vtt"), WebVttWriter.write(cues.cues(), mpegTs), StandardCharsets.UTF_8);
                Files.writeString(dir.resolve("index.m3u8"), SubtitlePlaylist.write("subtitles.vtt", plan.durationSeconds()),
                        StandardCharsets.UTF_8);
                subs.add(new MasterPlaylist.Subtitles("subtitles/" + lang + "/index.m3u8", LANGUAGE_NAMES.get(lang), lang));
            }
            Files.writeString(out.resolve("master.m3u8"),
                    MasterPlaylist.write(videos, audios, subs, ladder.value("audio-codecs", lp)), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new OperationException(StudioError.PROCESSING_FAILED, Map.of("detail", String.valueOf(e.getMessage())),
                    "hls playlists: " + e, e);
        }
        ctx.progress(1);
        ctx.output(HLS, out);
    }

    /** The 90 kHz timestamp of the first video frame (MPEG-TS), which WebVTT cue time 0 maps to. */
    static long firstVideoTimestamp(StudioServices s, Path renditionDir) throws OperationException {
        try {
            FFprobeResult r = s.tools().ffprobe().setInput(renditionDir.resolve("seg_000.ts")).setShowStreams(true).execute();
            for (Stream st : r.getStreams()) {
                if (st.getCodecType() == StreamType.VIDEO && st.getStartTime() != null) return Math.round(st.getStartTime() * 90000.0);
            }
            return 0;
        } catch (JaffreeException e) {
            throw new OperationException(StudioError.PROCESSING_FAILED, Map.of("detail", "cannot read the first segment"),
                    "ffprobe of the first segment: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> with(Map<String, String> base, Map<String, String> extra) {
        Map<String, String> m = new LinkedHashMap<>(base);
        m.putAll(extra);
        return m;
    }
}
