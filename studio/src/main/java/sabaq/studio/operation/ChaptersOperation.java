package sabaq.studio.operation;

import sabaq.studio.Json;
import sabaq.studio.course.Chapter;
import sabaq.studio.course.LocalizedText;
import sabaq.studio.error.OperationException;
import sabaq.studio.error.StudioError;
import sabaq.studio.plan.EditPlan;
import sabaq.studio.subtitle.Cue;
import sabaq.studio.subtitle.WebVttWriter;
import sabaq.studio.workflow.Operation;
import sabaq.studio.workflow.StepContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * {@code chapters}: moves the chapter marks from the source's timeline onto the published one (a mark inside a cut
 * part moves to where the video resumes; one after the kept part is refused with
 * {@link StudioError#CHAPTER_OUTSIDE_VIDEO}) and writes {@code chapters.json} plus a WebVTT chapters track per
 * language (each chapter lasts until the next).
 */
public final class ChaptersOperation implements Operation {
    /** A published chapter. */
    public record PublishedChapter(double start, LocalizedText title) {
    }

    @Override
    public String name() {
        return "chapters";
    }

    @Override
    public void run(StepContext ctx) throws OperationException {
        EditPlan plan = Plans.read(ctx);
        List<PublishedChapter> chapters = move(ctx.lesson().chapters(), plan);
        try {
            Path json = ctx.outputDir().resolve("chapters.json");
            Json.write(json, chapters);
            ctx.output("chapters", json);
            for (String lang : new String[]{"kk", "ru"}) {
                List<Cue> cues = new ArrayList<>();
                for (int i = 0; i < chapters.size(); i++) {
                    double end = i + 1 < chapters.size() ? chapters.get(i + 1).start() : plan.durationSeconds();
                    cues.add(new Cue(i + 1, 0, Math.round(chapters.get(i).start() * 1000), Math.round(end * 1000),
                            chapters.get(i).title().in(lang)));
                }
                Path vtt = ctx.outputDir().resolve("chapters-" + lang + ".vtt");
                Files.writeString(vtt, WebVttWriter.write(cues, -1), StandardCharsets.UTF_8);
                ctx.output("chapters-" + lang, vtt);
            }
        } catch (IOException e) {
            throw Plans.internal(e);
        }
    }

    static List<PublishedChapter> move(List<Chapter> marks, EditPlan plan) throws OperationException {
        List<PublishedChapter> out = new ArrayList<>();
        for (Chapter c : marks) {
            OptionalDouble at = plan.timeline().mapForward(c.start());
            if (at.isEmpty()) {
                throw new OperationException(StudioError.CHAPTER_OUTSIDE_VIDEO, Map.of("start", TrimOperation.fmt(c.start())),
                        "chapter at " + c.start() + " s is after the kept video");
            }
            out.add(new PublishedChapter(Math.round(at.getAsDouble() * 1000) / 1000.0, c.title()));
        }
        out.sort(Comparator.comparingDouble(PublishedChapter::start));
        List<PublishedChapter> distinct = new ArrayList<>();
        for (PublishedChapter p : out) {
            if (distinct.isEmpty() || p.start() - distinct.get(distinct.size() - 1).start() >= 0.5) distinct.add(p);
        }
        return distinct;
    }
}
