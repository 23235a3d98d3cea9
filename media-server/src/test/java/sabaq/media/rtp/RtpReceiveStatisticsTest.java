package sabaq.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RtpReceiveStatisticsTest {
    private static final int VIDEO_CLOCK = 90000;
    private static final long MS = 1_000_000L;

    private static boolean feed(RtpReceiveStatistics stats, int seq) {
        return stats.onPacket(seq, 0, 0, VIDEO_CLOCK, 100);
    }

    @Test
    void probationNeedsTwoSequentialPackets() {
        RtpReceiveStatistics stats = new RtpReceiveStatistics();
        assertFalse(feed(stats, 100));
        assertFalse(stats.isValid());
        assertEquals(0, stats.packetsReceived());
        assertTrue(feed(stats, 101));
        assertTrue(stats.isValid());
        assertEquals(1, stats.packetsReceived(), "the first probation packet is not counted (RFC 3550 A.1)");
        assertEquals(101, stats.extendedHighestSeq());
        assertEquals(0, stats.cumulativeLost());
        assertEquals(100, stats.bytes());
    }

    @Test
    void probationRestartsOnAGap() {
        RtpReceiveStatistics stats = new RtpReceiveStatistics();
        assertFalse(feed(stats, 100));
        assertFalse(feed(stats, 105));
        assertFalse(stats.isValid());
        assertTrue(feed(stats, 106));
        assertEquals(106, stats.extendedHighestSeq());
        assertEquals(1, stats.packetsReceived());
    }

    @Test
    void countsLossAndFractionPerInterval() {
        RtpReceiveStatistics stats = new RtpReceiveStatistics();
        feed(stats, 100);
        feed(stats, 101);
        feed(stats, 102);
        feed(stats, 103);
        for (int seq = 106; seq <= 110; seq++) {
            assertTrue(feed(stats, seq));
        }
        // Expected 101..110 = 10, received 8.
        assertEquals(10, stats.expected());
        assertEquals(8, stats.packetsReceived());
        assertEquals(2, stats.cumulativeLost());
        assertEquals(2 * 256 / 10, stats.fractionLostSinceLastReport());
        assertEquals(0, stats.fractionLostSinceLastReport(), "a new interval with no packets");

        for (int seq = 111; seq <= 120; seq++) {
            if (seq != 115) {
                feed(stats, seq);
            }
        }
        assertEquals(256 / 10, stats.fractionLostSinceLastReport());
        assertEquals(3, stats.cumulativeLost());
    }

    @Test
    void reorderedPacketsFillTheGapAndDuplicatesMakeLossNegative() {
        RtpReceiveStatistics stats = new RtpReceiveStatistics();
        feed(stats, 1);
        feed(stats, 2);
        feed(stats, 4);
        assertEquals(1, stats.cumulativeLost());
        assertTrue(feed(stats, 3), "late packet within MAX_MISORDER is counted");
        assertEquals(4, stats.extendedHighestSeq(), "a late packet does not move the highest");
        assertEquals(0, stats.cumulativeLost());
        feed(stats, 4);
        feed(stats, 4);
        assertEquals(-2, stats.cumulativeLost());
        assertEquals(0, stats.fractionLostSinceLastReport(), "negative loss reports as 0");
    }

    @Test
    void countsCyclesAcrossTheWrap() {
        RtpReceiveStatistics stats = new RtpReceiveStatistics();
        feed(stats, 0xFFFE);
        feed(stats, 0xFFFF);
        feed(stats, 0);
        feed(stats, 2);
        assertEquals(0x10002, stats.extendedHighestSeq());
        assertEquals(4, stats.expected(), "0xFFFF (base) .. 0x10002");
        assertEquals(1, stats.cumulativeLost());
        assertTrue(feed(stats, 0xFFFF), "duplicate from before the wrap is reordered, not a jump");
        assertEquals(0x10002, stats.extendedHighestSeq());
    }

    @Test
    void largeJumpIsIgnoredUnlessTheNextPacketFollowsIt() {
        RtpReceiveStatistics stats = new RtpReceiveStatistics();
        feed(stats, 1000);
        feed(stats, 1001);
        assertFalse(feed(stats, 6001), "jump of 5000 > MAX_DROPOUT");
        assertEquals(1001, stats.extendedHighestSeq());
        assertTrue(feed(stats, 1002), "the stream goes on normally");
        assertFalse(feed(stats, 9000));
        assertTrue(feed(stats, 9001), "two sequential packets after the jump: the source restarted");
        assertEquals(9001, stats.extendedHighestSeq());
        assertEquals(1, stats.packetsReceived());
        assertEquals(0, stats.cumulativeLost());
        assertFalse(feed(stats, 9001 - RtpReceiveStatistics.MAX_MISORDER - 1), "too old: a suspected jump");
    }

    @Test
    void cumulativeLostIsClampedTo24Bits() {
        RtpReceiveStatistics stats = new RtpReceiveStatistics();
        feed(stats, 0);
        feed(stats, 1);
        long seq = 1;
        for (int i = 0; i < 2900; i++) {
            seq += RtpReceiveStatistics.MAX_DROPOUT - 1;
            assertTrue(feed(stats, (int) (seq & 0xFFFF)));
        }
        assertEquals(seq, stats.extendedHighestSeq());
        assertTrue(stats.expected() - stats.packetsReceived() > 0x7FFFFF);
        assertEquals(0x7FFFFF, stats.cumulativeLost());
        // lost 8691300 of 8694201 expected: 8691300 * 256 / 8694201 = 255.9, rounded down.
        assertEquals(255, stats.fractionLostSinceLastReport());
    }

    /**
     * Hand-computed trace at 8 kHz (1 unit = 125 µs), 20 ms packets of 160 units. Relative transit times of the
     * counted packets: 0, 40, 0, 0, 80 units, so |D| = 40, 40, 0, 80 and with the RFC 3550 A.8 integer update
     * {@code J16 += |D| - ((J16 + 8) >> 4)}: 40, 77, 72, 147, i.e. jitter 147 >> 4 = 9 units.
     */
    @Test
    void jitterFollowsTheRfcIntegerEstimator() {
        assertEquals(9, jitterOfTrace(0, 0));
    }

    @Test
    void jitterSurvivesTimestampWrapAndLargeClockValues() {
        assertEquals(9, jitterOfTrace(0xFFFF_FF00L, 5_000_000_000_000_000L));
        assertEquals(9, jitterOfTrace(0x7FFF_FFC0L, -123_456_789L));
    }

    private static long jitterOfTrace(long tsBase, long clockBase) {
        long[] arrivalsMs = {0, 20, 45, 60, 80, 110};
        RtpReceiveStatistics stats = new RtpReceiveStatistics();
        for (int i = 0; i < arrivalsMs.length; i++) {
            stats.onPacket(i, (tsBase + 160L * i) & 0xFFFF_FFFFL, clockBase + arrivalsMs[i] * MS, 8000);
        }
        return stats.jitter();
    }

    @Test
    void constantDelayMeansZeroJitterAtVideoClockRate() {
        RtpReceiveStatistics stats = new RtpReceiveStatistics();
        for (int i = 0; i < 100; i++) {
            // 30 fps: 3000 units per frame = 33.333... ms; arrival rounded to whole microseconds.
            long arrival = 7_000 * MS + (i * 100_000_000L) / 3;
            stats.onPacket(i, 3000L * i, arrival, VIDEO_CLOCK);
        }
        assertTrue(stats.jitter() <= 1, "only rounding noise: " + stats.jitter());
        assertEquals(99, stats.packetsReceived());
    }
}
