package sabaq.media.forward;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamRewriterTest {
    private static final long MS = 1_000_000L;

    @Test
    void firstSourceStartsAtTheInitialValues() {
        StreamRewriter r = new StreamRewriter(1000, 5000);
        r.switchTo(1, 60000, 123456, -1, -1, 0, 90000);
        assertTrue(r.accept(1, 60000, 123456, 0));
        assertEquals(1000, r.outSeq());
        assertEquals(5000, r.outTs());
        assertTrue(r.accept(1, 60001, 126456, 33 * MS));
        assertEquals(1001, r.outSeq());
        assertEquals(8000, r.outTs());
    }

    @Test
    void sequenceWrapsAroundOnBothSides() {
        StreamRewriter r = new StreamRewriter(65534, 0xFFFFFF00L);
        r.switchTo(7, 65533, 0xFFFFFFF0L, -1, -1, 0, 48000);
        int[] in = {65533, 65534, 65535, 0, 1, 2};
        int[] expected = {65534, 65535, 0, 1, 2, 3};
        long ts = 0xFFFFFFF0L;
        for (int i = 0; i < in.length; i++) {
            assertTrue(r.accept(7, in[i], ts, i * 20 * MS));
            assertEquals(expected[i], r.outSeq(), "packet " + i);
            assertEquals((0xFFFFFF00L + (long) i * 960) & 0xFFFFFFFFL, r.outTs(), "ts " + i);
            ts = (ts + 960) & 0xFFFFFFFFL;
        }
        assertEquals(3, r.highestOutSeq());
    }

    @Test
    void aLongStreamIsNeverRefusedAfterHalfTheSequenceSpace() {
        StreamRewriter r = new StreamRewriter(0, 0);
        r.switchTo(1, 40000, 0, -1, -1, 0, 90000);
        for (int i = 0; i < 3 * 65536; i++) {
            int seq = (40000 + i) & 0xFFFF;
            assertTrue(r.accept(1, seq, i * 3000L, i * MS), "packet " + i + " of one source, seq " + seq);
            assertEquals(i & 0xFFFF, r.outSeq());
        }
        assertTrue(r.accept(1, (40000 + 3 * 65536 - 100) & 0xFFFF, 0, 0), "a late packet long after the switch");
        assertFalse(r.accept(2, 1, 0, 0), "another source");
    }

    @Test
    void packetsFromBeforeTheSwitchStayRefusedAcrossAWrap() {
        StreamRewriter r = new StreamRewriter(0, 0);
        r.switchTo(1, 65530, 0, -1, -1, 0, 90000);
        assertFalse(r.accept(1, 65529, 0, 0), "older than the switch point");
        for (int i = 0; i < 20; i++) assertTrue(r.accept(1, (65530 + i) & 0xFFFF, 0, 0));
        assertFalse(r.accept(1, 65525, 0, 0), "still older than the switch point after the wrap");
        assertTrue(r.accept(1, 65535, 0, 0), "a late packet after the switch point");
        assertEquals(5, r.outSeq());
    }

    @Test
    void reorderedAndRetransmittedPacketsKeepTheirNumbers() {
        StreamRewriter r = new StreamRewriter(10, 0);
        r.switchTo(1, 500, 0, -1, -1, 0, 90000);
        assertTrue(r.accept(1, 500, 0, 0));
        assertTrue(r.accept(1, 502, 3000, MS));
        assertEquals(12, r.outSeq());
        assertTrue(r.accept(1, 501, 3000, 2 * MS));
        assertEquals(11, r.outSeq());
        assertEquals(12, r.highestOutSeq(), "a late packet does not move the highest sent");
    }

    @Test
    void switchingSourcesContinuesTheOutgoingStream() {
        StreamRewriter r = new StreamRewriter(100, 1000);
        r.switchTo(1, 5000, 90000, 300, 20, 0, 90000);
        for (int i = 0; i < 10; i++) assertTrue(r.accept(1, 5000 + i, 90000 + i * 3000L, i * 33 * MS));
        assertEquals(109, r.outSeq());
        long lastTs = r.outTs();
        assertEquals(301, r.mapPictureId(301, 15), "no picture id offset on the first source");
        assertEquals(20, r.mapTl0PicIdx(20));

        // Layer 2 keyframe arrives 40 ms after the last sent packet, with unrelated numbers.
        r.switchTo(2, 40000, 7_000_000, 9000, 200, 337 * MS, 90000);
        assertFalse(r.accept(1, 5010, 120000, 331 * MS), "old source is refused after the switch");
        assertTrue(r.accept(2, 40000, 7_000_000, 331 * MS));
        assertEquals(110, r.outSeq(), "continues right after the last outgoing sequence number");
        assertEquals(lastTs + 3600, r.outTs(), "timestamp advances by the elapsed time (40 ms at 90 kHz)");
        assertEquals(302, r.mapPictureId(9000, 15), "picture id continues after the highest sent");
        assertEquals(21, r.mapTl0PicIdx(200));
        assertFalse(r.accept(2, 39999, 6_997_000, 332 * MS), "a packet from before the switch point would collide");
    }

    @Test
    void pictureIdWrapsIn15Bits() {
        StreamRewriter r = new StreamRewriter(0, 0);
        r.switchTo(1, 0, 0, 0x7FFE, 255, 0, 90000);
        assertEquals(0x7FFE, r.mapPictureId(0x7FFE, 15));
        assertEquals(0x7FFF, r.mapPictureId(0x7FFF, 15));
        assertEquals(0, r.mapPictureId(0, 15));
        assertEquals(255, r.mapTl0PicIdx(255));
        assertEquals(0, r.mapTl0PicIdx(0));
        r.switchTo(2, 10, 10, 50, 7, 10 * MS, 90000);
        assertEquals(1, r.mapPictureId(50, 15), "continues after 0 (the highest, wrapped)");
        assertEquals(1, r.mapTl0PicIdx(7));
    }

    @Test
    void sendHistoryFindsOnlyWhatItStillHolds() {
        SendHistory h = new SendHistory(8);
        h.record(65535, 3, 77, 1234L, 5, 6);
        int i = h.find(65535);
        assertTrue(i >= 0);
        assertEquals(3, h.source(i));
        assertEquals(77, h.inSeq(i));
        assertEquals(1234L, h.tsOffset(i));
        h.record(65535 + 8 & 0xFFFF, 3, 85, 0, 0, 0);
        assertEquals(-1, h.find(65535), "overwritten by a packet 8 later");
        assertEquals(-1, h.find(42));
    }

    @Test
    void packetCacheCopiesAndReplaces() {
        PacketCache c = new PacketCache(4);
        byte[] p = {1, 2, 3, 4, 5};
        c.put(10, p, 1, 3, 99);
        p[1] = 9;
        int i = c.find(10);
        assertEquals(3, c.length(i));
        assertEquals(2, c.data(i)[0], "the cache holds a copy");
        c.put(14, p, 0, 5, 100);
        assertFalse(c.contains(10));
        assertTrue(c.contains(14));
    }
}
