package sabaq.recorder.ffmpeg;

import com.github.kokorin.jaffree.ffmpeg.FFmpeg;
import com.github.kokorin.jaffree.ffprobe.FFprobe;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the {@code ffmpeg} and {@code ffprobe} executables are: a configured path (config or the {@code FFMPEG_BIN} /
 * {@code FFPROBE_BIN} environment variables), else the first one on {@code PATH}. Debian's {@code ffmpeg} package
 * provides both ({@code ./sabaq run} and {@code ./sabaq test} install it when missing).
 */
public final class FfmpegTools {
    private final Path ffmpeg;
    private final Path ffprobe;

    public FfmpegTools(Path ffmpeg, Path ffprobe) {
        this.ffmpeg = Objects.requireNonNull(ffmpeg, "ffmpeg");
        this.ffprobe = Objects.requireNonNull(ffprobe, "ffprobe");
    }

    /**
     * Resolves both executables.
     *
     * @param configuredFfmpeg  a path, or empty to use {@code FFMPEG_BIN} or {@code PATH}
     * @param configuredFfprobe a path, or empty to use {@code FFPROBE_BIN} or {@code PATH}
     * @throws IllegalStateException naming what is missing and how to install it
     */
    public static FfmpegTools locate(String configuredFfmpeg, String configuredFfprobe) {
        Path ff = resolve(configuredFfmpeg, "FFMPEG_BIN", "ffmpeg");
        Path fp = resolve(configuredFfprobe, "FFPROBE_BIN", "ffprobe");
        return new FfmpegTools(ff, fp);
    }

    private static Path resolve(String configured, String env, String name) {
        String explicit = configured != null && !configured.isBlank() ? configured : System.getenv(env);
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            if (!Files.isExecutable(p)) {
                throw new IllegalStateException(name + " not executable at " + p + " (set by config or " + env + ")");
            }
            return p;
        }
        return onPath(name).orElseThrow(() -> new IllegalStateException(name + " not found on PATH: install Debian's "
                + "ffmpeg package (apt-get install --no-install-recommends ffmpeg) or set " + env));
    }

    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    public Path ffmpegPath() {
        return ffmpeg;
    }

    public Path ffprobePath() {
        return ffprobe;
    }

    /** A new Jaffree command for the ffmpeg executable. */
    public FFmpeg ffmpeg() {
        return new FFmpeg(ffmpeg);
    }

    /** A new Jaffree command for the ffprobe executable. */
    public FFprobe ffprobe() {
        return new FFprobe(ffprobe);
    }

    @Override
    public String toString() {
        return "FfmpegTools[" + ffmpeg + ", " + ffprobe + "]";
    }
}
