package sabaq.studio.testing;

import sabaq.recorder.testing.RequireFfmpeg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** ffprobe queries the tests check outputs with (duration, picture colour in a region, integrated loudness). */
public final class Ffprobe {
    private Ffprobe() {
    }

    /** Output lines of ffprobe with these arguments. */
    public static List<String> run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(RequireFfmpeg.tools().ffprobePath().toString());
        cmd.add("-v");
        cmd.add("error");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("ffprobe timed out: " + cmd);
        }
        if (p.exitValue() != 0) throw new IOException("ffprobe failed (" + p.exitValue() + "): " + out + " for " + cmd);
        List<String> lines = new ArrayList<>();
        for (String l : out.split("\n")) if (!l.isBlank()) lines.add(l.strip());
        return lines;
    }

    /** The container duration in seconds. */
    public static double duration(Path file) throws IOException, InterruptedException {
        return Double.parseDouble(run("-show_entries", "format=duration", "-of", "csv=p=0", file.toString()).get(0));
    }

    /** Width and height of the first video stream. */
    public static int[] size(Path file) throws IOException, InterruptedException {
        String[] wh = run("-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0", file.toString()).get(0).split(",");
        return new int[]{Integer.parseInt(wh[0]), Integer.parseInt(wh[1])};
    }

    /** Average Y, U, V of a rectangle of the picture at {@code at} seconds (lavfi signalstats). */
    public static double[] yuv(Path file, double at, int x, int y, int w, int h) throws IOException, InterruptedException {
        String graph = "movie=" + escape(file) + ",trim=start=" + at + ":duration=0.2,crop=" + w + ":" + h + ":" + x + ":" + y + ",signalstats";
        List<String> lines = run("-f", "lavfi", "-i", graph, "-show_entries",
                "frame_tags=lavfi.signalstats.YAVG,lavfi.signalstats.UAVG,lavfi.signalstats.VAVG", "-of", "csv=p=0");
        String[] v = lines.get(0).split(",");
        return new double[]{Double.parseDouble(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2])};
    }

    /** Integrated loudness (LUFS) of a file's first audio stream, by the EBU R128 scanner (lavfi ebur128). */
    public static double integratedLoudness(Path file) throws IOException, InterruptedException {
        List<String> lines = run("-f", "lavfi", "-i", "amovie=" + escape(file) + ",ebur128=metadata=1",
                "-show_entries", "frame_tags=lavfi.r128.I", "-of", "csv=p=0");
        return Double.parseDouble(lines.get(lines.size() - 1));
    }

    private static String escape(Path p) {
        return p.toAbsolutePath().toString().replace("\\", "\\\\\\\\").replace(":", "\\\\:").replace(",", "\\\\,").replace("'", "\\\\'");
    }
}
