package sabaq.recorder.ffmpeg;

import com.github.kokorin.jaffree.ffprobe.FFprobeResult;
import com.github.kokorin.jaffree.ffprobe.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sabaq.common.media.TrackKind;
import sabaq.recorder.media.MediaFrame;
import sabaq.recorder.testing.RequireFfmpeg;
import sabaq.recorder.testing.TestClips;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentRunTest {
    @TempDir
    Path dir;

    static double duration(Path file) {
        FFprobeResult r = RequireFfmpeg.tools().ffprobe().setInput(file).setShowStreams(true).setShowFormat(true)
                .setCountFrames(true).execute();
        Stream s = r.getStreams().get(0);
        return s.getNbReadFrames() == null ? -1 : r.getFormat().getDuration() == null ? -1 : r.getFormat().getDuration();
    }

    @Test
    void videoIsCutIntoSegmentsAtKeyframes() throws Exception {
        List<MediaFrame> frames = TestClips.vp8(dir, 320, 240, 15, 12.0, 30);
        SegmentRun run = new SegmentRun(RequireFfmpeg.tools(), dir.resolve("out"), "r001", TrackKind.VIDEO,
                Duration.ofSeconds(4), 64 << 20);
        run.start();
        for (MediaFrame f : frames) assertTrue(run.write(f));
        run.finish().get(30, TimeUnit.SECONDS);
        assertFalse(run.died());
        List<SegmentList.Entry> segs = run.finishedSegments();
        assertEquals(3, segs.size(), "12 s in 4 s segments: " + segs);
        double total = segs.stream().mapToDouble(SegmentList.Entry::durationSeconds).sum();
        assertEquals(12.0, total, 0.2);
        for (SegmentList.Entry e : segs) {
            Path f = run.dir().resolve(e.fileName());
            assertTrue(Files.size(f) > 1000);
            FFprobeResult r = RequireFfmpeg.tools().ffprobe().setInput(f).setShowStreams(true).execute();
            assertEquals("vp8", r.getStreams().get(0).getCodecName());
            assertEquals(320, r.getStreams().get(0).getWidth());
        }
        assertEquals(List.of(), run.unlistedFiles());
    }

    @Test
    void audioBecomesOpusSegmentsAndKeepsGaps() throws Exception {
        List<MediaFrame> frames = TestClips.opus(dir, 6.0);
        SegmentRun run = new SegmentRun(RequireFfmpeg.tools(), dir.resolve("a"), "r001", TrackKind.AUDIO,
                Duration.ofSeconds(10), 64 << 20);
        run.start();
        int n = 0;
        for (MediaFrame f : frames) {
            // A 2 s hole in the middle (the publisher muted): timestamps jump.
            if (f.timestamp() - frames.get(0).timestamp() >= 48_000L * 2 && f.timestamp() - frames.get(0).timestamp() < 48_000L * 4) continue;
            assertTrue(run.write(f));
            n++;
        }
        run.finish().get(30, TimeUnit.SECONDS);
        List<SegmentList.Entry> segs = run.finishedSegments();
        assertEquals(1, segs.size());
        FFprobeResult r = RequireFfmpeg.tools().ffprobe().setInput(run.dir().resolve(segs.get(0).fileName()))
                .setShowStreams(true).execute();
        assertEquals("opus", r.getStreams().get(0).getCodecName());
        assertEquals(6.0, segs.get(0).durationSeconds(), 0.2, "the gap is kept: " + n + " packets span 6 s");
    }

    @Test
    void aKilledFfmpegLeavesItsListedSegmentsAndExits() throws Exception {
        List<MediaFrame> frames = TestClips.vp8(dir, 320, 240, 15, 12.0, 30);
        SegmentRun run = new SegmentRun(RequireFfmpeg.tools(), dir.resolve("k"), "r001", TrackKind.VIDEO,
                Duration.ofSeconds(2), 64 << 20);
        run.start();
        for (MediaFrame f : frames.subList(0, 150)) assertTrue(run.write(f));
        sabaq.common.test.Poll.until(Duration.ofSeconds(20), () -> run.finishedSegments().size(), n -> n >= 3,
                "ffmpeg to close three segments");
        ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains(run.listFile().toString())).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
        run.exited().get(10, TimeUnit.SECONDS);
        assertTrue(run.died());
        assertFalse(run.write(frames.get(150)));
        assertTrue(run.finishedSegments().size() >= 3);
    }
}
