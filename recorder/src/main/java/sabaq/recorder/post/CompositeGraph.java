package sabaq.recorder.post;

import sabaq.common.media.TrackKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one FFmpeg filter graph that turns a lesson's tracks into the HLS ladder's inputs: a 1280x720 canvas of the
 * lesson's length; the teacher's screen share as the main picture when there is one (teacher camera inset top
 * right), otherwise the teacher's camera; the camera of the student who had the floor inset bottom right; every
 * picture scaled to fit with its aspect ratio kept and shown only while its track has media ({@code enable} windows
 * from the segment intervals, so gaps show the canvas, not a frozen frame); all audio tracks padded with silence to
 * the timeline and mixed. Outputs {@code [v720]}, {@code [v360]} and {@code [aout]}.
 */
public final class CompositeGraph {
    static final int WIDTH = 1280;
    static final int HEIGHT = 720;
    static final int FPS = 25;

    /** Where a picture goes. */
    enum Place { MAIN, INSET_TOP, INSET_BOTTOM }

    private CompositeGraph() {
    }

    /** The graph for these timelines, whose FFmpeg input indexes are their positions in the list. */
    public static String build(List<TrackTimeline> inputs, double durationSeconds) {
        boolean screen = inputs.stream().anyMatch(t -> t.track().kind() == TrackKind.VIDEO && "screen".equals(t.track().source()));
        StringBuilder g = new StringBuilder();
        g.append(String.format(Locale.ROOT, "color=c=0x1f2430:s=%dx%d:r=%d:d=%.3f[bg0]", WIDTH, HEIGHT, FPS, durationSeconds));
        String base = "bg0";
        int step = 0;
        List<String> audio = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            TrackTimeline t = inputs.get(i);
            if (t.track().kind() == TrackKind.AUDIO) {
                audio.add("a" + i);
                g.append(String.format(Locale.ROOT, ";[%d:a]aresample=48000:async=1:first_pts=0,aformat=channel_layouts=stereo[a%d]", i, i));
                continue;
            }
            Place place = placeOf(t, screen);
            if (place == null) continue;
            int w = place == Place.MAIN ? WIDTH : 320;
            int h = place == Place.MAIN ? HEIGHT : 180;
            String x = place == Place.MAIN ? "(W-w)/2" : "W-w-24";
            String y = place == Place.MAIN ? "(H-h)/2" : place == Place.INSET_TOP ? "24" : "H-h-24";
            g.append(String.format(Locale.ROOT,
                    ";[%d:v]scale=w=%d:h=%d:force_original_aspect_ratio=decrease,setsar=1,format=yuv420p[p%d]", i, w, h, i));
            String next = "bg" + (++step);
            g.append(String.format(Locale.ROOT, ";[%s][p%d]overlay=x=%s:y=%s:eof_action=pass:enable='%s'[%s]",
                    base, i, x, y, enable(t.intervals()), next));
            base = next;
        }
        g.append(";[").append(base).append("]fps=").append(FPS).append(",format=yuv420p,split=2[v720][v360s]");
        g.append(";[v360s]scale=640:360[v360]");
        if (audio.isEmpty()) {
            g.append(String.format(Locale.ROOT, ";anullsrc=r=48000:cl=stereo,atrim=0:%.3f[aout]", durationSeconds));
        } else {
            StringBuilder mix = new StringBuilder(";");
            for (String a : audio) mix.append('[').append(a).append(']');
            g.append(mix).append(String.format(Locale.ROOT,
                    "amix=inputs=%d:duration=longest:dropout_transition=0:normalize=0,apad,atrim=0:%.3f[aout]",
                    audio.size(), durationSeconds));
        }
        return g.toString();
    }

    static Place placeOf(TrackTimeline t, boolean screenPresent) {
        boolean teacher = "teacher".equals(t.track().role());
        String source = t.track().source();
        if ("screen".equals(source)) return Place.MAIN;
        if (teacher) return screenPresent ? Place.INSET_TOP : Place.MAIN;
        return Place.INSET_BOTTOM;
    }

    /** {@code between(t,a,b)+...} over the intervals. */
    static String enable(List<double[]> intervals) {
        if (intervals.isEmpty()) return "0";
        StringBuilder sb = new StringBuilder();
        for (double[] iv : intervals) {
            if (sb.length() > 0) sb.append('+');
            sb.append(String.format(Locale.ROOT, "between(t,%.3f,%.3f)", iv[0], iv[1] + 0.1));
        }
        return sb.toString();
    }
}
