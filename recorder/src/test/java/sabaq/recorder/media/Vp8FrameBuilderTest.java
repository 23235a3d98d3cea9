package sabaq.recorder.media;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sabaq.recorder.testing.TestClips;
import sabaq.recorder.testing.Vp8Packetizer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Vp8FrameBuilderTest {
    private static final long WAIT = 100_000_000L;
    @TempDir
    static Path dir;
    private static List<MediaFrame> clip;

    @BeforeAll
    static void clip() throws Exception {
        clip = TestClips.vp8(dir, 320, 240, 15, 2.0, 10);
    }

    private static final class Collector implements Vp8FrameBuilder.Listener {
        final List<MediaFrame> frames = new ArrayList<>();
        int keyframeRequests;

        @Override
        public void onFrame(MediaFrame frame) {
            frames.add(frame);
        }

        @Override
        public void keyframeNeeded() {
            keyframeRequests++;
        }
    }

    private static List<RtpPacketView> packets(List<MediaFrame> frames) {
        Vp8Packetizer pz = new Vp8Packetizer(300);
        List<RtpPacketView> out = new ArrayList<>();
        for (MediaFrame f : frames) out.addAll(pz.packetize(f, 0));
        return out;
    }

    @Test
    void rebuildsEveryFrameFromReorderedPackets() {
        Collector c = new Collector();
        Vp8FrameBuilder b = new Vp8FrameBuilder(c);
        ReorderBuffer rb = new ReorderBuffer(WAIT, b);
        List<RtpPacketView> ps = packets(clip);
        Random r = new Random(7);
        for (int i = 0; i + 4 <= ps.size(); i += 4) Collections.shuffle(ps.subList(i, i + 4), r);
        for (RtpPacketView p : ps) rb.add(p, 0);
        assertEquals(clip.size(), c.frames.size());
        for (int i = 0; i < clip.size(); i++) {
            assertArrayEquals(clip.get(i).data(), c.frames.get(i).data(), "frame " + i);
            assertEquals(clip.get(i).timestamp(), c.frames.get(i).timestamp());
        }
        assertEquals(320, c.frames.get(0).width());
        assertEquals(240, c.frames.get(0).height());
        assertEquals(0, rb.lost());
    }

    @Test
    void aLostPacketDropsDeltaFramesUntilTheNextKeyframe() {
        Collector c = new Collector();
        Vp8FrameBuilder b = new Vp8FrameBuilder(c);
        ReorderBuffer rb = new ReorderBuffer(WAIT, b);
        List<RtpPacketView> ps = packets(clip);
        long lostSeq = -1;
        long now = 0;
        int framesBeforeLoss = 3;
        long lossTimestamp = clip.get(framesBeforeLoss).timestamp();
        for (RtpPacketView p : ps) {
            if (lostSeq < 0 && p.timestamp() == lossTimestamp) {
                lostSeq = p.seq();
                continue;
            }
            now += 1_000_000;
            rb.add(p, now);
            rb.poll(now);
        }
        rb.poll(now + WAIT * 2);
        assertTrue(c.keyframeRequests > 0, "asked for a key frame");
        long nextKey = clip.stream().filter(f -> f.keyframe() && f.timestamp() > lossTimestamp)
                .mapToLong(MediaFrame::timestamp).min().orElseThrow();
        for (MediaFrame f : c.frames) {
            assertTrue(f.timestamp() < lossTimestamp || f.timestamp() >= nextKey, "no frame between the loss and the next key frame");
        }
        assertEquals(clip.size() - clip.stream().filter(f -> f.timestamp() >= lossTimestamp && f.timestamp() < nextKey).count(),
                c.frames.size());
        assertEquals(1, rb.lost());
    }

    @Test
    void nothingComesOutWithoutAKeyframe() {
        Collector c = new Collector();
        Vp8FrameBuilder b = new Vp8FrameBuilder(c);
        ReorderBuffer rb = new ReorderBuffer(WAIT, b);
        List<MediaFrame> deltas = clip.stream().filter(f -> !f.keyframe()).toList();
        for (RtpPacketView p : packets(deltas)) rb.add(p, 0);
        assertEquals(0, c.frames.size());
        assertTrue(c.keyframeRequests >= deltas.size());
        assertTrue(b.waitingForKeyframe());
    }

    @Test
    void fuzzedPayloadsNeverThrow() {
        Collector c = new Collector();
        Vp8FrameBuilder b = new Vp8FrameBuilder(c);
        Random r = new Random(42);
        List<RtpPacketView> valid = packets(clip.subList(0, 20));
        for (int i = 0; i < 200_000; i++) {
            byte[] p;
            if (r.nextBoolean()) {
                p = new byte[r.nextInt(40)];
                r.nextBytes(p);
            } else {
                byte[] v = valid.get(r.nextInt(valid.size())).payload();
                p = java.util.Arrays.copyOf(v, r.nextInt(v.length + 1));
                if (p.length > 0) p[r.nextInt(p.length)] ^= (byte) (1 << r.nextInt(8));
            }
            b.onPacket(new RtpPacketView(i, r.nextInt(4) * 3000L, r.nextBoolean(), p, i));
            if (r.nextInt(50) == 0) b.onLoss(1);
        }
        for (MediaFrame f : c.frames) {
            assertTrue(f.data().length >= 3);
            if (f.keyframe()) assertTrue(f.width() > 0 && f.height() > 0 && f.width() < 16384);
        }
    }
}
