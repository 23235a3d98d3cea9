package sabaq.launcher;

import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.common.cassandra.CassandraExtension;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sabaq.common.test.Poll;
import sabaq.launcher.browser.ChromeBrowser;
import sabaq.launcher.browser.LessonPage;
import sabaq.launcher.recording.RecordingFixture;
import sabaq.recorder.session.LessonRecording;
import sabaq.recorder.session.TrackRecorder;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * BENCHMARKS.md: recorder CPU per recorded track during a live lesson. A teacher in Chromium publishes camera,
 * microphone and a screen share (3 tracks) with recording on; over a 30 s window we add the CPU time of the
 * recorder's JVM threads (UDP receive and decryption, depacketizing, RTCP, uploads, Jaffree's pipe pumps) and of the
 * FFmpeg processes writing the segments, and divide by the tracks. Not part of the default run:
 * {@code mvn -pl launcher test -Dtest=RecorderCpuBenchmark -Dsurefire.excludedGroups=}.
 */
@ExtendWith(CassandraExtension.class)
@Tag("benchmark")
class RecorderCpuBenchmark {
    private static final Pattern RECORDER_THREAD = Pattern.compile("^(recorder-.*|r\\d{3}-.*)$");
    @TempDir
    Path dir;

    @Test
    void cpuPerRecordedTrack() throws Exception {
        try (RecordingFixture fx = new RecordingFixture(dir, "sabaq.recorder.ladder.x264-preset = \"ultrafast\"\n");
             ChromeBrowser browser = ChromeBrowser.launch("teacher")) {
            JsonObject lesson = fx.createLesson("CPU", "Teacher");
            String lessonId = lesson.getString("lessonId");
            LessonPage teacher = new LessonPage(browser);
            teacher.open(fx.lessonUrl(lesson.getString("teacherToken"), null, "record=1&fakeScreen=1"));
            teacher.awaitJoined(Duration.ofSeconds(30));
            teacher.call("startScreenShare()");
            LessonRecording rec = Poll.until(Duration.ofSeconds(30), () -> fx.stack.recorder().recorder().liveRecording(lessonId),
                    Optional::isPresent, "recording").orElseThrow();
            List<TrackRecorder> tracks = Poll.until(Duration.ofSeconds(30), Duration.ofMillis(200),
                    () -> rec.snapshot().liveRecorders(),
                    l -> l.size() == 3 && l.stream().allMatch(t -> t.ffmpegProcess().isPresent()), "three tracks recording");
            long warm = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            Poll.until(Duration.ofSeconds(20), Duration.ofMillis(100), System::nanoTime, n -> n >= warm, "warm-up");

            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            Map<Long, Long> before = threadCpu(mx);
            Map<Long, Long> ffBefore = new HashMap<>();
            for (TrackRecorder t : tracks) t.ffmpegProcess().ifPresent(p -> ffBefore.put(p.pid(), cpuNanos(p)));
            long start = System.nanoTime();
            long end = start + Duration.ofSeconds(30).toNanos();
            Poll.until(Duration.ofSeconds(60), Duration.ofMillis(200), System::nanoTime, n -> n >= end, "the window");
            double window = (System.nanoTime() - start) / 1e9;
            Map<Long, Long> after = threadCpu(mx);
            long jvm = 0;
            for (Map.Entry<Long, Long> e : after.entrySet()) jvm += e.getValue() - before.getOrDefault(e.getKey(), 0L);
            long ff = 0;
            for (TrackRecorder t : tracks) {
                Optional<ProcessHandle> p = t.ffmpegProcess();
                if (p.isPresent() && ffBefore.containsKey(p.get().pid())) ff += cpuNanos(p.get()) - ffBefore.get(p.get().pid());
            }
            assertEquals(3, tracks.size());
            double jvmPct = 100.0 * jvm / 1e9 / window / tracks.size();
            double ffPct = 100.0 * ff / 1e9 / window / tracks.size();
            System.out.printf("recorder CPU per track (%d tracks, %.1f s): JVM %.2f %% + FFmpeg %.2f %% = %.2f %% of one core%n",
                    tracks.size(), window, jvmPct, ffPct, jvmPct + ffPct);
            teacher.call("endLesson()");
        }
    }

    private static Map<Long, Long> threadCpu(ThreadMXBean mx) {
        Map<Long, Long> out = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!RECORDER_THREAD.matcher(t.getName()).matches()) continue;
            long cpu = mx.getThreadCpuTime(t.getId());
            if (cpu >= 0) out.put(t.getId(), cpu);
        }
        return out;
    }

    private static long cpuNanos(ProcessHandle p) {
        return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
