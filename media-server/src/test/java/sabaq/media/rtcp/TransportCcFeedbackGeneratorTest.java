package sabaq.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Generator output, parsed by {@link RtcpParser}, must give back what was fed in (arrivals to ±125 µs). */
class TransportCcFeedbackGeneratorTest {
    private static final long SENDER = 0x5F0000AL;
    private static final long MEDIA = 0x12345678L;
    private final byte[] out = new byte[1500];

    private TransportCcFeedback build(TransportCcFeedbackGenerator generator) {
        int n = generator.buildFeedback(out, 0, SENDER, MEDIA);
        assertTrue(n > 0, "expected a feedback packet, got " + n);
        List<RtcpPacket> packets = RtcpParser.parseCompound(out, 0, n);
        assertNotNull(packets);
        assertEquals(1, packets.size());
        TransportCcFeedback fb = assertInstanceOf(TransportCcFeedback.class, packets.get(0));
        assertEquals(SENDER, fb.senderSsrc());
        assertEquals(MEDIA, fb.mediaSsrc());
        return fb;
    }

    /** Checks every entry against the arrivals that were fed (seq -> arrival µs; absent = lost). */
    private static void assertMatches(Map<Integer, Long> arrivals, TransportCcFeedback fb) {
        long[] times = fb.arrivalTimesMicros();
        for (int i = 0; i < fb.packetStatusCount(); i++) {
            int seq = fb.sequenceNumbers()[i];
            Long expected = arrivals.get(seq);
            assertEquals(expected != null, fb.received()[i], "received flag of " + seq);
            if (expected != null) {
                long reconstructed = times[i];
                assertTrue(Math.abs(reconstructed - expected) <= 125,
                        "arrival of " + seq + ": " + reconstructed + " vs " + expected);
            }
        }
    }

    @Test
    void reportsLossesReorderingAndArrivalTimes() {
        TransportCcFeedbackGenerator generator = new TransportCcFeedbackGenerator();
        Map<Integer, Long> arrivals = new HashMap<>();
        Random random = new Random(7);
        long now = 1_000_000_000L;
        int[] order = new int[100];
        for (int i = 0; i < 100; i++) {
            order[i] = i;
        }
        for (int i = 0; i + 1 < 100; i += 7) {
            int t = order[i];
            order[i] = order[i + 1];
            order[i + 1] = t;
        }
        for (int seq : order) {
            now += random.nextInt(3000);
            if (seq % 10 == 3) {
                continue;
            }
            arrivals.put(seq, now);
            generator.onPacket(seq, now);
        }
        assertEquals(0, generator.nextFeedbackPacketCount());
        TransportCcFeedback fb = build(generator);
        assertEquals(0, fb.baseSeq());
        assertEquals(100, fb.packetStatusCount());
        assertEquals(0, fb.feedbackPacketCount());
        assertMatches(arrivals, fb);
        assertTrue(hasNegativeDelta(fb), "swapped pairs arrive out of order");
        assertEquals(0, generator.buildFeedback(out, 0, SENDER, MEDIA), "nothing new to report");
        assertEquals(1, generator.nextFeedbackPacketCount());
    }

    private static boolean hasNegativeDelta(TransportCcFeedback fb) {
        for (int d : fb.deltasMicros()) {
            if (d < 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void consecutiveFeedbacksContinueWhereThePreviousEndedAcrossTheWrap() {
        TransportCcFeedbackGenerator generator = new TransportCcFeedbackGenerator();
        Map<Integer, Long> arrivals = new HashMap<>();
        long now = 5_000_000L;
        int expectedBase = 65500;
        int seq = 65500;
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 30; i++, seq = (seq + 1) & 0xFFFF) {
                now += 1000 + 37 * i;
                if (i == 29 || i % 5 != 4) {
                    arrivals.put(seq, now);
                    generator.onPacket(seq, now);
                }
            }
            TransportCcFeedback fb = build(generator);
            assertEquals(expectedBase, fb.baseSeq(), "round " + round);
            assertEquals(30, fb.packetStatusCount());
            assertEquals(round, fb.feedbackPacketCount());
            assertMatches(arrivals, fb);
            expectedBase = (expectedBase + 30) & 0xFFFF;
        }
        assertTrue(seq < 65500, "the test crossed the wrap");
    }

    @Test
    void trailingLossesWaitForTheNextFeedbackAndLateArrivalsAreReportedAgain() {
        TransportCcFeedbackGenerator generator = new TransportCcFeedbackGenerator();
        Map<Integer, Long> arrivals = new HashMap<>();
        for (int seq = 10; seq < 20; seq++) {
            if (seq != 12) {
                arrivals.put(seq, 100_000L + seq * 1000);
                generator.onPacket(seq, 100_000L + seq * 1000);
            }
        }
        TransportCcFeedback first = build(generator);
        assertEquals(10, first.baseSeq());
        assertEquals(10, first.packetStatusCount());
        assertFalse(first.received()[2], "12 is reported lost");

        arrivals.put(12, 135_000L);
        generator.onPacket(12, 135_000L);
        generator.onPacket(21, 136_000L);
        arrivals.put(21, 136_000L);
        TransportCcFeedback second = build(generator);
        assertEquals(12, second.baseSeq(), "the late packet restarts the reported range");
        assertEquals(10, second.packetStatusCount(), "12 .. 21");
        assertTrue(second.received()[0]);
        assertFalse(second.received()[8], "20 is still missing");
        assertMatches(arrivals, second);

        generator.onPacket(15, 140_000L);
        assertEquals(0, generator.buildFeedback(out, 0, SENDER, MEDIA), "duplicates are ignored");
    }

    @Test
    void capsThePacketSizeAndSplitsTheRest() {
        TransportCcFeedbackGenerator generator = new TransportCcFeedbackGenerator(64);
        Map<Integer, Long> arrivals = new HashMap<>();
        long now = 0;
        for (int seq = 0; seq < 300; seq++) {
            now += seq % 2 == 0 ? 100_000 : 250;
            arrivals.put(seq, now);
            generator.onPacket(seq, now);
        }
        int next = 0;
        int packets = 0;
        while (next < 300) {
            int n = generator.buildFeedback(out, 0, SENDER, MEDIA);
            assertTrue(n > 0 && n <= 64, "size " + n);
            TransportCcFeedback fb = assertInstanceOf(TransportCcFeedback.class,
                    RtcpParser.parseCompound(out, 0, n).get(0));
            assertEquals(next, fb.baseSeq());
            assertMatches(arrivals, fb);
            next += fb.packetStatusCount();
            packets++;
        }
        assertEquals(300, next);
        assertTrue(packets >= 300 / 30, "many small packets: " + packets);
        assertEquals(0, generator.buildFeedback(out, 0, SENDER, MEDIA));
    }

    @Test
    void aLongPauseStartsANewFeedbackWithItsOwnReferenceTime() {
        TransportCcFeedbackGenerator generator = new TransportCcFeedbackGenerator();
        Map<Integer, Long> arrivals = Map.of(1, 1_000_000L, 2, 1_001_000L, 3, 11_000_000L, 4, 11_000_500L);
        for (int seq = 1; seq <= 4; seq++) {
            generator.onPacket(seq, arrivals.get(seq));
        }
        TransportCcFeedback first = build(generator);
        assertEquals(2, first.packetStatusCount(), "10 s does not fit a 16-bit delta of 250 µs ticks");
        TransportCcFeedback second = build(generator);
        assertEquals(3, second.baseSeq());
        assertEquals(2, second.packetStatusCount());
        assertMatches(arrivals, second);
        assertEquals(11_000_000L / 64_000, second.referenceTime());
    }

    @Test
    void aLongRunOfLostPacketsDoesNotStallSmallFeedbacks() {
        TransportCcFeedbackGenerator generator = new TransportCcFeedbackGenerator(32);
        generator.onPacket(1, 1000);
        assertEquals(1, build(generator).packetStatusCount());
        generator.onPacket(5002, 2000);
        TransportCcFeedback fb = build(generator);
        assertEquals(2, fb.baseSeq());
        assertEquals(5001, fb.packetStatusCount(), "5000 lost packets in one run-length chunk, then 5002");
        assertTrue(fb.received()[5000]);
        assertFalse(fb.received()[0]);
    }

    @Test
    void dropsStateOlderThanTheWindow() {
        TransportCcFeedbackGenerator generator = new TransportCcFeedbackGenerator();
        generator.onPacket(0, 1000);
        int far = TransportCcFeedbackGenerator.WINDOW + 5000;
        for (int seq = 1; seq <= far; seq++) {
            generator.onPacket(seq & 0xFFFF, 1000 + seq * 100L);
        }
        generator.onPacket(3, 5000);
        TransportCcFeedback fb = build(generator);
        assertEquals((far - TransportCcFeedbackGenerator.WINDOW + 1) & 0xFFFF, fb.baseSeq());
    }

    @Test
    void reportsMissingRoomAndNothingToSend() {
        TransportCcFeedbackGenerator generator = new TransportCcFeedbackGenerator();
        assertEquals(0, generator.buildFeedback(out, 0, SENDER, MEDIA), "no packets yet");
        generator.onPacket(1, 1000);
        assertEquals(-1, generator.buildFeedback(new byte[20], 0, SENDER, MEDIA));
        assertEquals(-1, generator.buildFeedback(out, out.length + 1, SENDER, MEDIA));
        assertEquals(0, generator.nextFeedbackPacketCount(), "a failed build consumes nothing");
        assertEquals(24, generator.buildFeedback(new byte[24], 0, SENDER, MEDIA));
        assertThrows(IllegalArgumentException.class, () -> new TransportCcFeedbackGenerator(31));
    }

    @Test
    void steadyStateDoesNotAllocate() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs HotSpot's allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        TransportCcFeedbackGenerator generator = new TransportCcFeedbackGenerator();
        long bytes = feedTraffic(generator, 0, 2000);
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        bytes += feedTraffic(generator, 2000, 100_000);
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        assertTrue(allocated < 1024, "allocated " + allocated + " bytes");
        assertTrue(bytes > 100_000 / 20 * 24, "feedback was produced: " + bytes);
    }

    private long feedTraffic(TransportCcFeedbackGenerator generator, int from, int to) {
        long bytes = 0;
        for (int i = from; i < to; i++) {
            if (i % 17 != 5) {
                generator.onPacket(i & 0xFFFF, 1_000_000L + i * 700L);
            }
            if (i % 20 == 19) {
                bytes += generator.buildFeedback(out, 0, SENDER, MEDIA);
            }
        }
        return bytes;
    }

    @Test
    void feedbackCountWrapsAt256() {
        TransportCcFeedbackGenerator generator = new TransportCcFeedbackGenerator();
        for (int i = 0; i < 300; i++) {
            generator.onPacket(i, i * 1000L);
            TransportCcFeedback fb = build(generator);
            assertEquals(i & 0xFF, fb.feedbackPacketCount());
        }
    }
}
