package sabaq.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import sabaq.media.rtp.Hex;

/** Transport-cc feedback wire format: hand vectors for each chunk type and writer/parser round trips. */
class TransportCcFeedbackTest {
    /**
     * base 100, 5 packets, reference time 1 (64 ms), feedback count 3; one 2-bit status vector chunk with the
     * symbols 1 0 1 2 1 (+ 2 unused) = 0xD190; deltas 4 ticks, 255 ticks, -1 tick (2 bytes), 0 ticks; 1 pad byte.
     */
    static final byte[] TWO_BIT_VECTOR = Hex.bytes("8FCD0006 00000001 00000002 00640005 00000103"
            + "D190 04 FF FFFF 00 00");

    @Test
    void parsesATwoBitStatusVector() {
        TransportCcFeedback fb = parse(TWO_BIT_VECTOR);
        assertEquals(1, fb.senderSsrc());
        assertEquals(2, fb.mediaSsrc());
        assertEquals(100, fb.baseSeq());
        assertEquals(1, fb.referenceTime());
        assertEquals(64_000, fb.referenceTimeMicros());
        assertEquals(3, fb.feedbackPacketCount());
        assertArrayEquals(new int[] {100, 101, 102, 103, 104}, fb.sequenceNumbers());
        assertArrayEquals(new boolean[] {true, false, true, true, true}, fb.received());
        assertArrayEquals(new int[] {1000, 0, 63_750, -250, 0}, fb.deltasMicros());
        assertArrayEquals(new long[] {65_000, Long.MIN_VALUE, 128_750, 128_500, 128_500}, fb.arrivalTimesMicros());
    }

    @Test
    void parsesARunLengthChunkAcrossTheSequenceWrap() {
        // base 65534, 3 packets, all "received, small delta": run-length chunk 0x2003; reference time -1.
        byte[] bytes = Hex.bytes("8FCD0006 00000001 00000002 FFFE0003 FFFFFF00 2003 010203 000000");
        TransportCcFeedback fb = parse(bytes);
        assertArrayEquals(new int[] {65534, 65535, 0}, fb.sequenceNumbers());
        assertArrayEquals(new boolean[] {true, true, true}, fb.received());
        assertArrayEquals(new int[] {250, 500, 750}, fb.deltasMicros());
        assertEquals(-1, fb.referenceTime());
    }

    @Test
    void parsesAOneBitStatusVector() {
        // 14 packets: received pattern 10110000000001 = 0x8000 | 0x2C01 = 0xAC01; four 1-byte deltas.
        byte[] bytes = Hex.bytes("8FCD0006 00000001 00000002 000A000E 00000000 AC01 0A0B0C0D 0000");
        TransportCcFeedback fb = parse(bytes);
        boolean[] expected = new boolean[14];
        expected[0] = true;
        expected[2] = true;
        expected[3] = true;
        expected[13] = true;
        assertArrayEquals(expected, fb.received());
        assertEquals(2500, fb.deltasMicros()[0]);
        assertEquals(3250, fb.deltasMicros()[13]);
        assertEquals(23, fb.sequenceNumbers()[13]);
    }

    @Test
    void rejectsMalformedFeedback() {
        // Five deltas needed (1+1+2+1 bytes), two present.
        byte[] shortDeltas = Hex.bytes("8FCD0005 00000001 00000002 00640005 00000103 D1900400");
        assertNull(RtcpParser.parseCompound(shortDeltas, 0, shortDeltas.length));
        // Chunks missing: 20 packets announced, one 7-symbol chunk present.
        byte[] shortChunks = Hex.bytes("8FCD0005 00000001 00000002 00640014 00000103 D1900000");
        assertNull(RtcpParser.parseCompound(shortChunks, 0, shortChunks.length));
        // Reserved symbol 3 in a run-length chunk and in a 2-bit vector.
        byte[] reservedRun = Hex.bytes("8FCD0005 00000001 00000002 00640001 00000103 60010000");
        assertNull(RtcpParser.parseCompound(reservedRun, 0, reservedRun.length));
        byte[] reservedVector = Hex.bytes("8FCD0005 00000001 00000002 00640001 00000103 F0000000");
        assertNull(RtcpParser.parseCompound(reservedVector, 0, reservedVector.length));
        byte[] noHeader = Hex.bytes("8FCD0003 00000001 00000002 00640001");
        assertNull(RtcpParser.parseCompound(noHeader, 0, noHeader.length));
    }

    @Test
    void writerChoosesARunLengthChunkForLongRuns() {
        boolean[] received = new boolean[100];
        int[] ticks = new int[100];
        Arrays.fill(received, true);
        Arrays.fill(ticks, 20);
        byte[] out = new byte[300];
        int n = RtcpWriter.transportCc(out, 0, 1, 2, 500, 7, 9, received, ticks, 100);
        assertEquals(20 + 2 + 100 + 2, n, "one chunk, 100 one-byte deltas, 2 padding bytes");
        assertEquals(0x2064, ((out[20] & 0xFF) << 8) | (out[21] & 0xFF), "run of 100 symbol-1 packets");
        TransportCcFeedback fb = parse(Arrays.copyOf(out, n));
        assertArrayEquals(received, fb.received());
        assertEquals(5000, fb.deltasMicros()[99]);
        assertEquals(9, fb.feedbackPacketCount());
        assertEquals(7, fb.referenceTime());
    }

    @Test
    void writerChoosesOneBitVectorsForMixedSmallDeltasAndTwoBitForLargeOnes() {
        boolean[] received = new boolean[28];
        int[] ticks = new int[28];
        for (int i = 0; i < 14; i++) {
            received[i] = i % 2 == 0;
            ticks[i] = 4;
        }
        for (int i = 14; i < 28; i++) {
            received[i] = true;
            ticks[i] = i % 3 == 0 ? -8 : 300 * (i % 2);
        }
        byte[] out = new byte[200];
        int n = RtcpWriter.transportCc(out, 0, 1, 2, 65530, 0, 0, received, ticks, 28);
        assertEquals(0xAAAA, ((out[20] & 0xFF) << 8) | (out[21] & 0xFF), "1-bit vector 10101010101010");
        assertEquals(0xC000, ((out[22] & 0xFF) << 8) & 0xC000, "then 2-bit vectors");
        TransportCcFeedback fb = parse(Arrays.copyOf(out, n));
        assertArrayEquals(received, fb.received());
        for (int i = 0; i < 28; i++) {
            assertEquals(received[i] ? ticks[i] * 250 : 0, fb.deltasMicros()[i], "entry " + i);
            assertEquals((65530 + i) & 0xFFFF, fb.sequenceNumbers()[i]);
        }
    }

    @Test
    void recordRoundTripsThroughTheWriter() {
        TransportCcFeedback original = parse(TWO_BIT_VECTOR);
        byte[] out = new byte[100];
        int n = RtcpWriter.transportCc(out, 0, original);
        TransportCcFeedback copy = parse(Arrays.copyOf(out, n));
        assertArrayEquals(original.received(), copy.received());
        assertArrayEquals(original.deltasMicros(), copy.deltasMicros());
        assertArrayEquals(original.sequenceNumbers(), copy.sequenceNumbers());
        assertEquals(original.referenceTime(), copy.referenceTime());
        assertEquals(original.feedbackPacketCount(), copy.feedbackPacketCount());
    }

    @Test
    void writerRejectsUnrepresentableInput() {
        byte[] out = new byte[100];
        assertEquals(-1, RtcpWriter.transportCc(out, 0, 1, 2, 0, 0, 0, new boolean[] {true}, new int[] {40000}, 1));
        assertEquals(-1, RtcpWriter.transportCc(out, 0, 1, 2, 0, 0, 0, new boolean[0], new int[0], 0));
        assertEquals(-1, RtcpWriter.transportCc(new byte[23], 0, 1, 2, 0, 0, 0, new boolean[] {true},
                new int[] {1}, 1));
    }

    private static TransportCcFeedback parse(byte[] bytes) {
        List<RtcpPacket> packets = RtcpParser.parseCompound(bytes, 0, bytes.length);
        return assertInstanceOf(TransportCcFeedback.class, packets.get(0));
    }
}
