package sabaq.studio.testing;

import sabaq.recorder.testing.RequireFfmpeg;
import sabaq.recorder.testing.S3ProxyFixture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The studio command line ({@code sabaq.studio.cli.StudioMain}) in its own JVM, on the test classpath, pointed at a
 * test S3 server, bucket and data directory, with its output in a log file. Lets a test kill the studio for real.
 */
public final class StudioProcess {
    private final Process process;
    private final Path log;

    private StudioProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code studio <args>} with the test configuration of {@link StudioHarness#config}. */
    public static StudioProcess start(S3ProxyFixture s3, Path dataDir, Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        java.net.URL logConfig = StudioProcess.class.getResource("/logback-test.xml");
        if (logConfig != null) cmd.add("-Dlogback.configurationFile=" + logConfig);
        cmd.add("-Dsabaq.studio.data-dir=" + dataDir);
        cmd.add("-Dsabaq.studio.bucket=" + StudioHarness.BUCKET);
        cmd.add("-Dsabaq.studio.profile-parameters.hls-ladder.preset=ultrafast");
        cmd.add("-Dsabaq.storage.s3.endpoint=http://127.0.0.1:" + s3.port());
        cmd.add("-Dsabaq.storage.s3.bucket=" + StudioHarness.RECORDINGS_BUCKET);
        cmd.add("-Dsabaq.storage.s3.access-key=" + S3ProxyFixture.ACCESS);
        cmd.add("-Dsabaq.storage.s3.secret-key=" + S3ProxyFixture.SECRET);
        cmd.add("-Dsabaq.recorder.ffmpeg-bin=" + RequireFfmpeg.tools().ffmpegPath());
        cmd.add("-Dsabaq.recorder.ffprobe-bin=" + RequireFfmpeg.tools().ffprobePath());
        cmd.add("sabaq.studio.cli.StudioMain");
        cmd.addAll(List.of(args));
        cmd.add("--lang");
        cmd.add("en");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new StudioProcess(p, log);
    }

    public Process process() {
        return process;
    }

    /** What the process printed so far. */
    public String output() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** SIGKILL, as a crash or an out-of-memory kill would; waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
