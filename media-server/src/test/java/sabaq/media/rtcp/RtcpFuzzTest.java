package sabaq.media.rtcp;

import sabaq.media.testing.SeedMutator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds {@link RtcpParser#parseCompound} random bytes and mutated valid compounds with a fixed seed (nothing may
 * throw, decoded values must be in range), and drives {@link TransportCcFeedbackGenerator} with random traffic
 * (its output must always parse back).
 */
class RtcpFuzzTest {
    private static final int ITERATIONS = 200_000;

    @Test
    void parserSurvivesRandomAndMutatedCompounds() {
        Random random = new Random(0xFEEDL);
        List<byte[]> seeds = seeds();
        byte[] buffer = new byte[2048];
        int parsed = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            int off = random.nextInt(8);
            int len = mutate(random, seeds.get(random.nextInt(seeds.size())), buffer, off);
            if (random.nextInt(100) == 0) {
                off = random.nextInt(3000) - 500;
                len = random.nextInt(3000) - 500;
            }
            List<RtcpPacket> packets = RtcpParser.parseCompound(buffer, off, len);
            if (packets != null) {
                parsed++;
                assertTrue(len >= 4 && !packets.isEmpty());
                packets.forEach(RtcpFuzzTest::checkRanges);
            }
        }
        assertTrue(parsed > ITERATIONS / 5, "mutations should often stay parseable: " + parsed);
    }

    @Test
    void generatorOutputAlwaysParsesBack() {
        Random random = new Random(0xCC01L);
        TransportCcFeedbackGenerator generator = new TransportCcFeedbackGenerator(200);
        byte[] out = new byte[300];
        int seq = random.nextInt(65536);
        long now = random.nextLong() >> 20;
        int feedbacks = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            int r = random.nextInt(100);
            if (r < 70) {
                seq = (seq + 1) & 0xFFFF;
                generator.onPacket(seq, now);
            } else if (r < 80) {
                generator.onPacket((seq - random.nextInt(200)) & 0xFFFF, now);
            } else if (r < 83) {
                seq = (seq + random.nextInt(20_000)) & 0xFFFF;
                generator.onPacket(seq, now);
            } else if (r < 85) {
                now += random.nextInt(20_000_000);
            } else {
                int n = generator.buildFeedback(out, 0, 1, 2);
                assertTrue(n >= 0 && n <= 200, "size " + n);
                if (n > 0) {
                    feedbacks++;
                    List<RtcpPacket> packets = RtcpParser.parseCompound(out, 0, n);
                    assertNotNull(packets, "generator output must parse");
                    TransportCcFeedback fb = assertInstanceOf(TransportCcFeedback.class, packets.get(0));
                    assertTrue(fb.received()[fb.packetStatusCount() - 1], "a feedback ends on a received packet");
                    checkRanges(fb);
                }
            }
            now += random.nextInt(3000) - 200;
        }
        assertTrue(feedbacks > ITERATIONS / 20, "feedbacks built: " + feedbacks);
    }

    private static void checkRanges(RtcpPacket packet) {
        if (packet instanceof SenderReport) {
            SenderReport sr = (SenderReport) packet;
            assertTrue(sr.senderSsrc() >= 0 && sr.senderSsrc() <= 0xFFFFFFFFL);
            sr.reportBlocks().forEach(RtcpFuzzTest::checkBlock);
        } else if (packet instanceof ReceiverReport) {
            ((ReceiverReport) packet).reportBlocks().forEach(RtcpFuzzTest::checkBlock);
        } else if (packet instanceof GenericNack) {
            for (int seq : ((GenericNack) packet).lostSeqs()) {
                assertTrue(seq >= 0 && seq <= 0xFFFF);
            }
        } else if (packet instanceof Remb) {
            assertTrue(((Remb) packet).bitrateBps() >= 0);
        } else if (packet instanceof FullIntraRequest) {
            int seqNr = ((FullIntraRequest) packet).seqNr();
            assertTrue(seqNr >= 0 && seqNr <= 255);
        } else if (packet instanceof TransportCcFeedback) {
            TransportCcFeedback fb = (TransportCcFeedback) packet;
            int count = fb.packetStatusCount();
            assertEquals(count, fb.received().length);
            assertEquals(count, fb.deltasMicros().length);
            assertTrue(fb.referenceTime() >= -(1 << 23) && fb.referenceTime() < (1 << 23));
            for (int i = 0; i < count; i++) {
                assertEquals((fb.baseSeq() + i) & 0xFFFF, fb.sequenceNumbers()[i]);
                int d = fb.deltasMicros()[i];
                assertTrue(d % 250 == 0 && d >= -32768 * 250 && d <= 32767 * 250);
                assertTrue(fb.received()[i] || d == 0);
            }
        } else if (packet instanceof UnknownRtcp) {
            UnknownRtcp unknown = (UnknownRtcp) packet;
            assertTrue(unknown.data().length >= 4 && unknown.countOrFormat() <= 31);
        }
    }

    private static void checkBlock(ReportBlock block) {
        assertTrue(block.fractionLost() >= 0 && block.fractionLost() <= 255);
        assertTrue(block.cumulativeLost() >= -0x800000 && block.cumulativeLost() <= 0x7FFFFF);
        assertTrue(block.ssrc() >= 0 && block.ssrc() <= 0xFFFFFFFFL);
    }

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(RtcpParserTest.concat(RtcpParserTest.SR_ONE_BLOCK, RtcpParserTest.SDES, RtcpParserTest.REMB,
                RtcpParserTest.PLI));
        seeds.add(RtcpParserTest.RR_ONE_BLOCK);
        seeds.add(TransportCcFeedbackTest.TWO_BIT_VECTOR);
        byte[] out = new byte[600];
        int n = RtcpWriter.receiverReport(out, 0, 1, List.of(new ReportBlock(2, 3, 4, 5, 6, 7, 8)));
        n += RtcpWriter.nack(out, n, 1, 2, new int[] {1, 2, 5, 40, 65535});
        n += RtcpWriter.fir(out, n, 1, 2, 3);
        n += RtcpWriter.bye(out, n, new long[] {1, 2}, "going away");
        seeds.add(Arrays.copyOf(out, n));
        boolean[] received = new boolean[40];
        int[] ticks = new int[40];
        for (int i = 0; i < 40; i++) {
            received[i] = i % 7 != 3;
            ticks[i] = i % 5 == 0 ? -300 : i * 9;
        }
        n = RtcpWriter.transportCc(out, 0, 1, 2, 65520, 99, 4, received, ticks, 40);
        seeds.add(Arrays.copyOf(out, n));
        return seeds;
    }

    private static int mutate(Random random, byte[] seed, byte[] out, int off) {
        int mode = random.nextInt(6);
        if (mode == 0) {
            int len = random.nextInt(200);
            for (int i = 0; i < len; i++) {
                out[off + i] = (byte) random.nextInt(256);
            }
            if (len >= 4 && random.nextBoolean()) {
                // Valid version and a length that fits, so type-specific parsing gets random bodies.
                out[off] = (byte) (0x80 | random.nextInt(32));
                out[off + 1] = (byte) (200 + random.nextInt(8));
                out[off + 2] = 0;
                out[off + 3] = (byte) (len / 4 - 1);
                return len & ~3;
            }
            return len;
        }
        if (mode <= SeedMutator.COUNT) {
            return SeedMutator.mutate(random, mode - 1, seed, out, off, 4, 64, 1);
        }
        System.arraycopy(seed, 0, out, off, seed.length);
        int len = seed.length;
        // Count fields (RC/SC/FMT) and transport-cc status counts get random values.
        int at = random.nextBoolean() ? 0 : 14;
        out[off + Math.min(at, len - 1)] = (byte) random.nextInt(256);
        return len;
    }
}
