package sabaq.studio.plan;

import sabaq.studio.course.TimeRange;
import sabaq.studio.encoding.EncodingProfile;
import sabaq.studio.media.FfmpegCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an {@link EditPlan} into FFmpeg inputs and a filter graph, with every filter taken from the {@code edit}
 * encoding profile (Java only wires the labels). The graph: the lecture normalized to the canvas, the PiP scaled and
 * overlaid on it (on the source's timeline, before any cut, so the interpreter stays in sync), the result split into
 * the kept ranges, and the intro, the kept ranges and the outro concatenated. The outputs are labelled
 * {@code [vout]} and {@code [aout]}; other steps append their own filters to those labels.
 */
public final class PlanGraph {
    public static final String VIDEO = "[vout]";
    public static final String AUDIO = "[aout]";

    private final EncodingProfile edit;
    private final Map<String, String> params;
    private final List<String> inputs = new ArrayList<>();
    private final List<String> chains = new ArrayList<>();
    private int labels;

    private PlanGraph(EncodingProfile edit, Map<String, String> params) {
        this.edit = edit;
        this.params = params;
    }

    /**
     * Builds the graph.
     *
     * @param base      the job's working directory (plan paths are relative to it)
     * @param withVideo false for an audio-only graph (loudness measurement, audio description): only {@code [aout]}
     */
    public static PlanGraph build(EditPlan plan, Path base, EncodingProfile edit, Map<String, String> profileParams,
                                  boolean withVideo) {
        Map<String, String> p = new LinkedHashMap<>(profileParams);
        p.put("width", Integer.toString(plan.width()));
        p.put("height", Integer.toString(plan.height()));
        p.put("fps", Integer.toString(plan.fps()));
        PlanGraph g = new PlanGraph(edit, p);
        g.render(plan, base, withVideo);
        return g;
    }

    /** Adds this graph's inputs to a command, in order (input 0 is the lecture). Returns the next free input index. */
    public int addInputs(FfmpegCommand cmd) {
        int next = 0;
        for (String in : inputs) next = cmd.input(in, List.of()) + 1;
        return next;
    }

    /** Adds one more input after the plan's own (e.g. a narration or a rendered audio track); returns its index. */
    public int addExtraInput(Path file) {
        inputs.add(file.toString());
        return inputs.size() - 1;
    }

    public List<String> inputs() {
        return List.copyOf(inputs);
    }

    /** The graph so far, chains separated by ';'. */
    public String graph() {
        return String.join(";", chains);
    }

    /** Appends a chain {@code in filter out} (labels with brackets, several concatenated, or empty for a source). */
    public void chain(String in, String filter, String out) {
        chains.add(in + filter + out);
    }

    /** A fresh label such as {@code [g7]}. */
    public String label() {
        return "[g" + (labels++) + "]";
    }

    /**
     * Appends the kept ranges of an audio stream (an input on the lecture's timeline, such as an audio description
     * narration, or silence for the parts it does not cover) and returns their concatenation's label, padded with
     * silence for the intro and outro so it lines up with {@code [aout]}.
     */
    public String alignedAudio(EditPlan plan, String audioIn) {
        String norm = label();
        chain(audioIn, f("normalize-audio", Map.of()), norm);
        List<String> pieces = new ArrayList<>();
        if (plan.intro() != null) pieces.add(silence(plan.intro().durationSeconds()));
        pieces.addAll(cutAudio(norm, plan.keep()));
        if (plan.outro() != null) pieces.add(silence(plan.outro().durationSeconds()));
        return concatAudio(pieces);
    }

    private void render(EditPlan plan, Path base, boolean withVideo) {
        int lecture = addInput(base, plan.lecture().file());
        int pip = plan.pip() != null && withVideo ? addInput(base, plan.pip().file()) : -1;
        int intro = plan.intro() != null ? addInput(base, plan.intro().file()) : -1;
        int outro = plan.outro() != null ? addInput(base, plan.outro().file()) : -1;

        List<String> videoPieces = new ArrayList<>();
        if (withVideo) {
            String lec = label();
            chain("[" + lecture + ":v]", f("normalize-video", Map.of()), lec);
            if (pip >= 0) {
                EditPlan.PipPlacement pp = plan.pip();
                String pv = label();
                chain("[" + pip + ":v]", f("pip-video", Map.of("pip-width", even(pp.width()), "pip-height", even(pp.height()),
                        "offset", seconds(pp.offsetSeconds()))), pv);
                String over = label();
                chain(lec + pv, f("overlay", Map.of("x", Integer.toString(pp.x()), "y", Integer.toString(pp.y()))), over);
                lec = over;
            }
            videoPieces = cutVideo(lec, plan.keep());
        }
        String lecAudio = label();
        if (plan.lecture().hasAudio()) {
            chain("[" + lecture + ":a]", f("normalize-audio", Map.of()), lecAudio);
        } else {
            chain("", f("silence", Map.of("duration", seconds(plan.lecture().durationSeconds()))), lecAudio);
        }
        List<String> audioPieces = cutAudio(lecAudio, plan.keep());

        List<String[]> segments = new ArrayList<>();
        if (intro >= 0) segments.add(clip(intro, plan.intro(), withVideo));
        for (int i = 0; i < audioPieces.size(); i++) {
            segments.add(new String[]{withVideo ? videoPieces.get(i) : "", audioPieces.get(i)});
        }
        if (outro >= 0) segments.add(clip(outro, plan.outro(), withVideo));
        if (withVideo) {
            StringBuilder in = new StringBuilder();
            for (String[] s : segments) in.append(s[0]).append(s[1]);
            chain(in.toString(), f("concat", Map.of("n", Integer.toString(segments.size()))), VIDEO + AUDIO);
        } else {
            List<String> a = new ArrayList<>();
            for (String[] s : segments) a.add(s[1]);
            String out = concatAudio(a);
            chain(out, f("audio-copy", Map.of()), AUDIO);
        }
    }

    private String[] clip(int input, EditPlan.Clip clip, boolean withVideo) {
        String v = "";
        if (withVideo) {
            v = label();
            chain("[" + input + ":v]", f("normalize-video", Map.of()), v);
        }
        String a = label();
        if (clip.hasAudio()) {
            chain("[" + input + ":a]", f("normalize-audio", Map.of()), a);
        } else {
            chain("", f("silence", Map.of("duration", seconds(clip.durationSeconds()))), a);
        }
        return new String[]{v, a};
    }

    private List<String> cutVideo(String in, List<TimeRange> keep) {
        List<String> split = split(in, keep.size(), "split");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < keep.size(); i++) {
            String o = label();
            chain(split.get(i), f("cut-video", range(keep.get(i))), o);
            out.add(o);
        }
        return out;
    }

    private List<String> cutAudio(String in, List<TimeRange> keep) {
        List<String> split = split(in, keep.size(), "asplit");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < keep.size(); i++) {
            String o = label();
            chain(split.get(i), f("cut-audio", range(keep.get(i))), o);
            out.add(o);
        }
        return out;
    }

    private List<String> split(String in, int n, String filter) {
        List<String> outs = new ArrayList<>();
        if (n == 1) {
            outs.add(in);
            return outs;
        }
        StringBuilder labelsOut = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String l = label();
            outs.add(l);
            labelsOut.append(l);
        }
        chain(in, f(filter, Map.of("n", Integer.toString(n))), labelsOut.toString());
        return outs;
    }

    private String silence(double secondsLong) {
        String l = label();
        chain("", f("silence", Map.of("duration", seconds(secondsLong))), l);
        return l;
    }

    private String concatAudio(List<String> pieces) {
        if (pieces.size() == 1) return pieces.get(0);
        String out = label();
        chain(String.join("", pieces), f("concat-audio", Map.of("n", Integer.toString(pieces.size()))), out);
        return out;
    }

    private int addInput(Path base, String file) {
        inputs.add(base.resolve(file).toString());
        return inputs.size() - 1;
    }

    private String f(String name, Map<String, String> extra) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.putAll(extra);
        return edit.filter(name, p);
    }

    private static Map<String, String> range(TimeRange r) {
        return Map.of("start", seconds(r.start()), "end", seconds(r.end()));
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    private static String even(int v) {
        return Integer.toString(v - (v % 2));
    }
}
