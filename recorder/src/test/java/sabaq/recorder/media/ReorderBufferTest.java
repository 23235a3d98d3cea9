package sabaq.recorder.media;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReorderBufferTest {
    private final List<Long> out = new ArrayList<>();
    private final List<Long> losses = new ArrayList<>();
    private final ReorderBuffer rb = new ReorderBuffer(100, new ReorderBuffer.Sink() {
        @Override
        public void onPacket(RtpPacketView p) {
            out.add(p.seq());
        }

        @Override
        public void onLoss(long count) {
            losses.add(count);
        }
    });

    private void add(long seq, long now) {
        rb.add(new RtpPacketView(seq, seq * 10, false, new byte[]{1}, now), now);
    }

    @Test
    void releasesInOrderAndDropsDuplicates() {
        add(10, 0);
        add(12, 1);
        add(11, 2);
        add(11, 3);
        add(9, 4);
        assertEquals(List.of(10L, 11L, 12L), out);
        assertEquals(2, rb.duplicates());
    }

    @Test
    void waitsForAMissingPacketThenSkipsIt() {
        add(1, 0);
        add(3, 10);
        add(4, 20);
        assertEquals(List.of(1L), out);
        assertEquals(List.of(2L), rb.missing(10));
        rb.poll(60);
        assertEquals(List.of(1L), out);
        rb.poll(111);
        assertEquals(List.of(1L, 3L, 4L), out);
        assertEquals(List.of(1L), losses);
        assertEquals(List.of(), rb.missing(10));
    }

    @Test
    void aHugeJumpIsARestartNotLoss() {
        add(5, 0);
        add(5 + ReorderBuffer.MAX_GAP + 10, 1);
        assertEquals(List.of(5L, 5 + ReorderBuffer.MAX_GAP + 10), out);
        assertEquals(0, rb.lost());
    }
}
