package sabaq.studio.operation;

import sabaq.studio.course.TimeRange;
import sabaq.studio.error.OperationException;
import sabaq.studio.error.StudioError;
import sabaq.studio.media.MediaInfo;
import sabaq.studio.plan.EditPlan;
import sabaq.studio.plan.Timeline;
import sabaq.studio.subtitle.Cue;
import sabaq.studio.subtitle.SubtitleParser;
import sabaq.studio.subtitle.SubtitleProblem;
import sabaq.studio.subtitle.SubtitleText;
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

/**
 * {@code subtitles}: for each subtitle language, decodes the file (UTF-8 only; Windows-1251 and other encodings are
 * refused by name), reads SRT or WebVTT, checks the timing against the source (each cue ends after it starts, cues
 * in order, no overlap, none after the video's end), moves the cues through the edit (cut parts disappear, a cue
 * spanning a cut is split, everything shifts by the intro) and writes WebVTT ({@code vtt-<lang>}).
 */
public final class SubtitlesOperation implements Operation {
    @Override
    public String name() {
        return "subtitles";
    }

    @Override
    public void run(StepContext ctx) throws OperationException {
        MediaInfo src = InspectOperation.info(ctx, LessonAssets.SOURCE);
        EditPlan plan = Plans.read(ctx);
        Map<String, Path> written = new LinkedHashMap<>();
        for (String lang : new String[]{"kk", "ru"}) {
            if (!ctx.lesson().subtitles().containsKey(lang)) continue;
            Path file = ctx.require(LessonAssets.subtitles(lang));
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw Plans.internal(e);
            }
            List<Cue> cues = check(bytes, lang, Math.round(src.durationSeconds() * 1000));
            List<Cue> moved = retime(cues, plan.timeline());
            Path out = ctx.outputDir().resolve("subtitles-" + lang + ".vtt");
            try {
                Files.writeString(out, WebVttWriter.write(moved, -1), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw Plans.internal(e);
            }
            written.put(lang, out);
        }
        for (Map.Entry<String, Path> e : written.entrySet()) ctx.output("vtt-" + e.getKey(), e.getValue());
    }

    /**
     * Decodes, parses and validates a subtitle file.
     *
     * @throws OperationException with the SUBTITLE_* code, the language and the cue and line
     */
    public static List<Cue> check(byte[] bytes, String lang, long videoMillis) throws OperationException {
        SubtitleText.Decoded d = SubtitleText.decode(bytes);
        if (!d.ok()) {
            throw new OperationException(StudioError.SUBTITLE_ENCODING, Map.of("lang", lang, "encoding", d.refusedEncoding()),
                    lang + " subtitles are " + d.refusedEncoding());
        }
        SubtitleParser.Result r = SubtitleParser.parse(d.text(), videoMillis);
        if (!r.ok()) {
            SubtitleProblem p = r.problem();
            Map<String, String> args = new LinkedHashMap<>(p.args());
            args.put("lang", lang);
            throw new OperationException(p.code(), args, lang + " subtitles: " + p.code() + " " + p.args());
        }
        return r.cues();
    }

    /** Cues on the published timeline, renumbered. */
    static List<Cue> retime(List<Cue> cues, Timeline t) {
        List<Cue> out = new ArrayList<>();
        for (Cue c : cues) {
            for (TimeRange piece : t.pieces(c.startMillis() / 1000.0, c.endMillis() / 1000.0)) {
                long s = Math.round(piece.start() * 1000);
                long e = Math.round(piece.end() * 1000);
                if (e - s >= 20) out.add(new Cue(out.size() + 1, 0, s, e, c.text()));
            }
        }
        return out;
    }
}
