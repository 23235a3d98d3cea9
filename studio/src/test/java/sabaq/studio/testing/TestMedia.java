package sabaq.studio.testing;

import sabaq.recorder.testing.RequireFfmpeg;
import sabaq.studio.error.OperationException;
import sabaq.studio.media.Cancellation;
import sabaq.studio.media.FfmpegCommand;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Media the tests make with FFmpeg's lavfi sources (small and fast: ultrafast x264, low resolution). */
public final class TestMedia {
    private TestMedia() {
    }

    /**
     * A lecture: grey picture with moving luma noise (no colour, so a coloured PiP stands out) and a 440 Hz tone at
     * {@code volume}, H.264 + AAC in MP4.
     */
    public static Path lecture(Path dir, String name, double seconds, int width, int height, double volume) throws OperationException {
        return av(dir, name, "color=c=0x707070:size=" + width + "x" + height + ":rate=25:duration=" + seconds + ",noise=c0s=30:c0f=t",
                "sine=frequency=440:sample_rate=48000:duration=" + seconds + ",volume=" + volume);
    }

    /** A lecture with the moving test pattern (detail and motion like a real picture), for the benchmark. */
    public static Path pattern(Path dir, String name, double seconds, int width, int height, int fps) throws OperationException {
        return av(dir, name, "testsrc2=size=" + width + "x" + height + ":rate=" + fps + ":duration=" + seconds,
                "sine=frequency=440:sample_rate=48000:duration=" + seconds + ",volume=0.1");
    }

    /** A clip of one colour with a tone (intro, outro). */
    public static Path colourClip(Path dir, String name, String colour, double seconds, int hz) throws OperationException {
        return av(dir, name, "color=c=" + colour + ":size=320x180:rate=25:duration=" + seconds,
                "sine=frequency=" + hz + ":sample_rate=48000:duration=" + seconds);
    }

    /** A sign-language stand-in: a solid green 4:3 picture without sound. */
    public static Path signClip(Path dir, String name, double seconds) throws OperationException {
        Path out = dir.resolve(name);
        FfmpegCommand c = new FfmpegCommand(RequireFfmpeg.tools(), "test sign clip");
        c.input("color=c=0x00C000:size=160x120:rate=25:duration=" + seconds, List.of("-f", "lavfi"));
        c.output(out.toString(), List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-an"));
        c.run(0, f -> { }, Cancellation.NEVER);
        return out;
    }

    /** A narration: a 1 kHz tone, AAC in M4A. */
    public static Path narration(Path dir, String name, double seconds) throws OperationException {
        Path out = dir.resolve(name);
        FfmpegCommand c = new FfmpegCommand(RequireFfmpeg.tools(), "test narration");
        c.input("sine=frequency=1000:sample_rate=48000:duration=" + seconds + ",volume=0.5", List.of("-f", "lavfi"));
        c.output(out.toString(), List.of("-c:a", "aac", "-b:a", "64k"));
        c.run(0, f -> { }, Cancellation.NEVER);
        return out;
    }

    /** Video in a codec the studio does not accept (FLV1 / Sorenson Spark) with MP3 sound, in FLV. */
    public static Path flv(Path dir, String name, double seconds) throws OperationException {
        Path out = dir.resolve(name);
        FfmpegCommand c = new FfmpegCommand(RequireFfmpeg.tools(), "test flv");
        c.input("testsrc2=size=320x180:rate=25:duration=" + seconds, List.of("-f", "lavfi"));
        c.output(out.toString(), List.of("-c:v", "flv1", "-an", "-f", "flv"));
        c.run(0, f -> { }, Cancellation.NEVER);
        return out;
    }

    private static Path av(Path dir, String name, String video, String audio) throws OperationException {
        Path out = dir.resolve(name);
        FfmpegCommand c = new FfmpegCommand(RequireFfmpeg.tools(), "test media " + name);
        c.input(video, List.of("-f", "lavfi"));
        c.input(audio, List.of("-f", "lavfi"));
        c.output(out.toString(), List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "50",
                "-c:a", "aac", "-b:a", "96k", "-shortest", "-movflags", "+faststart"));
        c.run(0, f -> { }, Cancellation.NEVER);
        return out;
    }

    /** The first {@code keep} bytes of a file (an interrupted upload). */
    public static Path truncated(Path source, Path out, double fraction) throws IOException {
        byte[] all = Files.readAllBytes(source);
        Files.write(out, java.util.Arrays.copyOf(all, (int) (all.length * fraction)));
        return out;
    }

    /** SubRip text with one cue every 4 s (2 s long) from {@code from} to {@code to}, in {@code charset}. */
    public static Path srt(Path out, String text, int from, int to, Charset charset) throws IOException {
        StringBuilder s = new StringBuilder();
        int n = 1;
        for (int t = from; t + 2 <= to; t += 4) {
            s.append(n++).append('\n').append(ts(t)).append(" --> ").append(ts(t + 2)).append('\n')
                    .append(text).append(' ').append(t).append("\n\n");
        }
        Files.write(out, s.toString().getBytes(charset));
        return out;
    }

    public static Path srt(Path out, String text, int from, int to) throws IOException {
        return srt(out, text, from, to, StandardCharsets.UTF_8);
    }

    private static String ts(int seconds) {
        return String.format("%02d:%02d:%02d,000", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    }
}
