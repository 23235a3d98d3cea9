package sabaq.recorder.bench;

import com.github.kokorin.jaffree.LogLevel;
import com.github.kokorin.jaffree.ffmpeg.UrlInput;
import com.github.kokorin.jaffree.ffmpeg.UrlOutput;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import sabaq.common.media.TrackKind;
import sabaq.recorder.post.HlsLadder;
import sabaq.recorder.post.LadderSettings;
import sabaq.recorder.post.TrackTimeline;
import sabaq.recorder.session.SegmentRecord;
import sabaq.recorder.session.TrackInfo;
import sabaq.recorder.testing.RequireFfmpeg;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BENCHMARKS.md: realtime factor of the post-lesson ladder (composite + 720p/360p/audio HLS) for a 10-minute 720p
 * lesson as the recorder stores it (VP8 camera and Opus microphone in WebM, generated with FFmpeg's lavfi sources).
 * Not part of the default test run: {@code mvn -pl recorder test -Dtest=LadderBenchmark -Dsurefire.excludedGroups=
 * -Dbench.minutes=10 [-Dbench.preset=veryfast]}.
 */
@Tag("benchmark")
class LadderBenchmark {
    @Test
    void tenMinuteLessonToTheLadder() throws Exception {
        int minutes = Integer.getInteger("bench.minutes", 10);
        String preset = System.getProperty("bench.preset", "veryfast");
        Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "sabaq-ladder-bench"));
        Path cam = dir.resolve("camera-" + minutes + ".webm");
        Path mic = dir.resolve("mic-" + minutes + ".webm");
        long seconds = minutes * 60L;
        long genStart = System.nanoTime();
        if (!Files.exists(cam)) {
            RequireFfmpeg.tools().ffmpeg().setLogLevel(LogLevel.ERROR).setOverwriteOutput(true)
                    .addInput(UrlInput.fromUrl("testsrc2=size=1280x720:rate=30").setFormat("lavfi").setDuration(seconds * 1000))
                    .addOutput(UrlOutput.toPath(cam).setCodec("v", "libvpx").addArguments("-b:v", "1500k")
                            .addArguments("-deadline", "realtime").addArguments("-cpu-used", "8").addArguments("-g", "300"))
                    .execute();
            RequireFfmpeg.tools().ffmpeg().setLogLevel(LogLevel.ERROR).setOverwriteOutput(true)
                    .addInput(UrlInput.fromUrl("sine=frequency=440:sample_rate=48000").setFormat("lavfi").setDuration(seconds * 1000))
                    .addOutput(UrlOutput.toPath(mic).setCodec("a", "libopus").addArguments("-b:a", "32k"))
                    .execute();
        }
        double genSeconds = (System.nanoTime() - genStart) / 1e9;
        long t0 = 1_700_000_000_000L;
        TrackInfo camera = new TrackInfo("T:camera", "T", "Teacher", "teacher", TrackKind.VIDEO, "camera");
        TrackInfo micro = new TrackInfo("T:microphone", "T", "Teacher", "teacher", TrackKind.AUDIO, "microphone");
        TrackTimeline tc = new TrackTimeline(camera, List.of(new SegmentRecord("T:camera", "c", "r001", 0, t0,
                seconds * 1000, 1280, 720, 0, null)), t0);
        TrackTimeline tm = new TrackTimeline(micro, List.of(new SegmentRecord("T:microphone", "m", "r001", 0, t0,
                seconds * 1000, 0, 0, 0, null)), t0);
        Path lc = dir.resolve("camera.ffconcat");
        Path lm = dir.resolve("mic.ffconcat");
        Files.writeString(lc, tc.concatList(Map.of("c", cam.toString())), StandardCharsets.UTF_8);
        Files.writeString(lm, tm.concatList(Map.of("m", mic.toString())), StandardCharsets.UTF_8);
        Path out = Files.createDirectories(dir.resolve("hls-" + preset));
        LadderSettings s = LadderSettings.defaults();
        HlsLadder ladder = new HlsLadder(RequireFfmpeg.tools(), new LadderSettings(preset, s.bitrate720(), s.bitrate360(),
                s.audioBitrate(), s.hlsSegmentSeconds()));
        long start = System.nanoTime();
        ladder.transcode(List.of(tc, tm), List.of(lc, lm), seconds, out, f -> { });
        double wall = (System.nanoTime() - start) / 1e9;
        System.out.printf("ladder benchmark: %d min 720p lesson, preset %s: %.1f s wall, %.2fx realtime (clips generated in %.1f s)%n",
                minutes, preset, wall, seconds / wall, genSeconds);
        assertTrue(Files.exists(out.resolve("master.m3u8")));
    }
}
