package sabaq.studio.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * FFmpeg processes left running by a studio process that was killed (the kernel does not stop children with their
 * parent). Before a job resumes, any FFmpeg whose command line points into that job's working directory is stopped,
 * so it cannot write into the directory the resumed step is about to use.
 */
final class OrphanProcesses {
    private static final Logger LOG = LoggerFactory.getLogger(OrphanProcesses.class);

    private OrphanProcesses() {
    }

    /** Stops (SIGKILL) FFmpeg processes whose arguments mention {@code dir}; returns how many. */
    static int stopUsing(Path dir) {
        String needle = dir.toAbsolutePath().normalize().toString();
        long self = ProcessHandle.current().pid();
        int[] stopped = {0};
        ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .filter(p -> p.info().command().map(c -> c.endsWith("ffmpeg")).orElse(false))
                .filter(p -> p.info().commandLine().map(c -> c.contains(needle)).orElse(false))
                .forEach(p -> {
                    LOG.warn("stopping FFmpeg {} left by a previous studio process in {}", p.pid(), needle);
                    p.destroyForcibly();
                    try {
                        p.onExit().get(5, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        LOG.warn("FFmpeg {} did not stop: {}", p.pid(), e.toString());
                    }
                    stopped[0]++;
                });
        return stopped[0];
    }
}
