package sabaq.media.rtp;

import sabaq.media.testing.SeedMutator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds the RTP accessors, header extension readers, VP8 descriptor reader and header writer random bytes and
 * mutated valid packets with a fixed seed. Nothing may throw, and every offset or length they report must stay
 * inside the slice.
 */
class RtpFuzzTest {
    private static final int ITERATIONS = 200_000;
    private static final List<byte[]> SEEDS = List.of(
            RtpPacketTest.FULL,
            RtpHeaderExtensionsTest.AUDIO,
            RtpHeaderExtensionsTest.VIDEO,
            RtpHeaderExtensionsTest.TWO_BYTE,
            Hex.bytes("90E00001 00000000 11223344 BEDE0001 A0680000" + "90E08123 0700 10 504200 9D012A"),
            Hex.bytes("80600002 00000001 11223344" + "90F05512A5 01 020304"));

    @Test
    void accessorsStayInsideTheSlice() {
        Random random = new Random(0xB0BAL);
        byte[] buffer = new byte[600];
        RtpHeaderWriter writer = new RtpHeaderWriter();
        RtpReceiveStatistics stats = new RtpReceiveStatistics();
        SeqNumUnwrapper unwrapper = new SeqNumUnwrapper();
        byte[] out = new byte[128];
        int valid = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            int off = random.nextInt(16);
            int len = mutate(random, SEEDS.get(random.nextInt(SEEDS.size())), buffer, off);
            if (random.nextInt(50) == 0) {
                // Nonsense slices: negative or beyond the array.
                off = random.nextInt(1200) - 300;
                len = random.nextInt(1200) - 300;
            }
            if (checkPacket(buffer, off, len)) {
                valid++;
                int seq = RtpPacket.sequenceNumber(buffer, off, len);
                stats.onPacket(seq, RtpPacket.timestamp(buffer, off, len), i * 1_000_000L, 90000, len);
                long extended = unwrapper.unwrap(seq);
                assertEquals(seq, (int) (extended & 0xFFFF));
                writer.clearExtensions();
                for (int id = 1; id <= 14; id++) {
                    writer.copyExtension(buffer, off, len, id, 15 - id);
                }
                int written = writer.write(out, 0, 96, true, seq, 1, 2);
                assertEquals(writer.headerLength(), written);
                assertTrue(RtpPacket.isRtp(out, 0, written));
            }
        }
        assertTrue(valid > ITERATIONS / 4, "mutations should often stay valid: " + valid);
        assertTrue(stats.cumulativeLost() <= 0x7FFFFF && stats.cumulativeLost() >= -0x800000);
        int fraction = stats.fractionLostSinceLastReport();
        assertTrue(fraction >= 0 && fraction <= 255);
    }

    /** Checks invariants on one slice; returns whether it is valid RTP. */
    private static boolean checkPacket(byte[] buf, int off, int len) {
        RtpPacket.isRtcp(buf, off, len);
        boolean rtp = RtpPacket.isRtp(buf, off, len);
        int header = RtpPacket.headerLength(buf, off, len);
        int payload = RtpPacket.payloadLength(buf, off, len);
        int padding = RtpPacket.paddingLength(buf, off, len);
        assertEquals(rtp, payload >= 0);
        if (header >= 0) {
            assertTrue(header >= 12 && header <= len, "header " + header + " len " + len);
        }
        if (rtp) {
            assertEquals(len, header + payload + padding);
            assertTrue(RtpPacket.payloadType(buf, off, len) >= 0 && RtpPacket.payloadType(buf, off, len) < 128);
            assertTrue(RtpPacket.sequenceNumber(buf, off, len) <= 0xFFFF);
            assertTrue(RtpPacket.ssrc(buf, off, len) <= 0xFFFFFFFFL);
            checkExtensions(buf, off, len, header);
            checkVp8(buf, off + header, payload);
        }
        return rtp;
    }

    private static void checkExtensions(byte[] buf, int off, int len, int header) {
        for (int id = 0; id <= 16; id++) {
            int found = RtpHeaderExtensions.find(buf, off, len, id);
            if (found >= 0) {
                int at = RtpHeaderExtensions.valueOffset(off, found);
                int length = RtpHeaderExtensions.valueLength(found);
                assertTrue(at >= off + 16 && at + length <= off + header, "value inside the extension block");
            }
            RtpHeaderExtensions.stringValue(buf, off, len, id);
            int level = RtpHeaderExtensions.audioLevel(buf, off, len, id);
            assertTrue(level >= -1 && level <= 127);
            int tcc = RtpHeaderExtensions.transportCcSeq(buf, off, len, id);
            assertTrue(tcc >= -1 && tcc <= 0xFFFF);
            int abs = RtpHeaderExtensions.absSendTime(buf, off, len, id);
            assertTrue(abs >= -1 && abs <= 0xFFFFFF);
        }
        assertEquals(-1, RtpHeaderExtensions.find(buf, off, len, 256));
    }

    private static void checkVp8(byte[] buf, int off, int len) {
        int n = Vp8PayloadDescriptor.descriptorLength(buf, off, len);
        assertTrue(n == -1 || (n >= 1 && n <= 6 && n <= len));
        int bits = Vp8PayloadDescriptor.pictureIdBits(buf, off, len);
        int pictureId = Vp8PayloadDescriptor.pictureId(buf, off, len);
        assertTrue(bits == 0 ? pictureId == -1 : pictureId >= 0 && pictureId < (1 << bits));
        assertTrue(Vp8PayloadDescriptor.tl0PicIdx(buf, off, len) <= 255);
        int tid = Vp8PayloadDescriptor.temporalId(buf, off, len);
        assertTrue(tid >= -1 && tid <= 3);
        int keyIdx = Vp8PayloadDescriptor.keyIdx(buf, off, len);
        assertTrue(keyIdx >= -1 && keyIdx <= 31);
        if (Vp8PayloadDescriptor.isKeyframe(buf, off, len)) {
            assertTrue(Vp8PayloadDescriptor.startOfFrame(buf, off, len));
        }
        Vp8PayloadDescriptor.layerSync(buf, off, len);
        if (Vp8PayloadDescriptor.setPictureId(buf, off, len, pictureId + 1)) {
            assertEquals((pictureId + 1) & ((1 << bits) - 1), Vp8PayloadDescriptor.pictureId(buf, off, len));
        }
        Vp8PayloadDescriptor.setTl0PicIdx(buf, off, len, 3);
    }

    private static int mutate(Random random, byte[] seed, byte[] out, int off) {
        int mode = random.nextInt(6);
        if (mode == 0) {
            int len = random.nextInt(120);
            for (int i = 0; i < len; i++) {
                out[off + i] = (byte) random.nextInt(256);
            }
            if (len > 0 && random.nextBoolean()) {
                out[off] = (byte) (0x80 | (out[off] & 0x3F));
            }
            return len;
        }
        if (mode <= SeedMutator.COUNT) {
            return SeedMutator.mutate(random, mode - 1, seed, out, off, 4, 40, 1);
        }
        System.arraycopy(seed, 0, out, off, seed.length);
        int len = seed.length;
        // Extension header fields (profile, length) and element headers get random values.
        out[off + 12 + random.nextInt(Math.min(8, len - 12))] = (byte) random.nextInt(256);
        return len;
    }
}
