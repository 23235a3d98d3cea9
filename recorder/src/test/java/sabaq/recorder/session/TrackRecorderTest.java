package sabaq.recorder.session;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sabaq.common.media.TrackKind;
import sabaq.common.time.TimeSource;
import sabaq.recorder.media.MediaFrame;
import sabaq.recorder.media.RtpPacketView;
import sabaq.recorder.testing.InMemoryObjectStore;
import sabaq.recorder.testing.RequireFfmpeg;
import sabaq.recorder.testing.TestClips;
import sabaq.recorder.testing.Vp8Packetizer;
import sabaq.recorder.upload.SegmentUploader;
import sabaq.recorder.upload.UploadJournal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrackRecorderTest {
    @TempDir
    Path dir;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private TrackRecorder recorder(InMemoryObjectStore store, UploadJournal journal, List<SegmentRecord> stored,
                                   AtomicInteger pli) {
        SegmentUploader up = new SegmentUploader(store, executor, Duration.ofMillis(20), Duration.ofMillis(100));
        AtomicInteger runs = new AtomicInteger();
        TrackInfo t = new TrackInfo("P:camera", "P", "Pupil", "student", TrackKind.VIDEO, "camera");
        return new TrackRecorder(new TrackRecorder.Settings(RequireFfmpeg.tools(), Duration.ofSeconds(10), 1L << 30,
                64L << 20, TimeSource.SYSTEM), t, dir.resolve("track"), "recordings/L/R/tracks/P-camera",
                runs::incrementAndGet, up, journal, r -> {
                    synchronized (stored) {
                        stored.add(r);
                    }
                }, pli::incrementAndGet);
    }

    private static void feed(TrackRecorder r, Vp8Packetizer pz, List<MediaFrame> frames) {
        for (MediaFrame f : frames) for (RtpPacketView p : pz.packetize(f, System.nanoTime())) r.onPacket(p);
    }

    @Test
    void aResolutionChangeStartsANewRunWithItsOwnSize() throws Exception {
        InMemoryObjectStore store = new InMemoryObjectStore();
        List<SegmentRecord> stored = new ArrayList<>();
        try (UploadJournal journal = UploadJournal.open(dir.resolve("j"))) {
            TrackRecorder r = recorder(store, journal, stored, new AtomicInteger());
            Vp8Packetizer pz = new Vp8Packetizer(1000);
            List<MediaFrame> small = TestClips.vp8(dir, 320, 240, 15, 2.0, 15);
            List<MediaFrame> large = TestClips.vp8(dir, 640, 360, 15, 2.0, 15);
            feed(r, pz, small);
            long shift = small.get(small.size() - 1).timestamp() + 6000 - large.get(0).timestamp();
            List<MediaFrame> later = new ArrayList<>();
            for (MediaFrame f : large) later.add(new MediaFrame(f.timestamp() + shift, f.keyframe(), f.data(), f.width(), f.height(), 0));
            feed(r, pz, later);
            r.close().get(30, TimeUnit.SECONDS);
            sabaq.common.test.Poll.until(Duration.ofSeconds(20), () -> {
                synchronized (stored) {
                    return stored.size();
                }
            }, n -> n == 2, "both runs stored");
            List<SegmentRecord> segs;
            synchronized (stored) {
                segs = new ArrayList<>(stored);
            }
            segs.sort(java.util.Comparator.comparing(SegmentRecord::run));
            assertEquals("r001", segs.get(0).run());
            assertEquals(320, segs.get(0).width());
            assertEquals("r002", segs.get(1).run());
            assertEquals(640, segs.get(1).width());
            assertTrue(segs.get(1).startMillis() >= segs.get(0).startMillis() + 1900, "the second run starts later");
            assertEquals(2, store.list("recordings/L/R/tracks/P-camera/").size());
        }
    }

    @Test
    void aTrackThatNeverSendsAKeyframeWritesNothingAndAsksForOne() throws Exception {
        InMemoryObjectStore store = new InMemoryObjectStore();
        List<SegmentRecord> stored = new ArrayList<>();
        AtomicInteger pli = new AtomicInteger();
        try (UploadJournal journal = UploadJournal.open(dir.resolve("j"))) {
            TrackRecorder r = recorder(store, journal, stored, pli);
            List<MediaFrame> deltas = TestClips.vp8(dir, 320, 240, 15, 2.0, 15).stream().filter(f -> !f.keyframe()).toList();
            feed(r, new Vp8Packetizer(1000), deltas);
            r.close().get(10, TimeUnit.SECONDS);
            assertTrue(stored.isEmpty());
            assertTrue(store.list("").isEmpty());
            assertTrue(pli.get() > 0, "key frames were requested");
            assertTrue(r.ffmpegProcess().isEmpty(), "no FFmpeg was started");
        }
    }
}
