package sabaq.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import sabaq.media.rtp.Hex;

/** Writer output parses back to the same values; some outputs are checked byte for byte. */
class RtcpWriterTest {
    private final byte[] out = new byte[1500];

    private RtcpPacket roundTrip(int written) {
        List<RtcpPacket> packets = RtcpParser.parseCompound(out, 0, written);
        assertNotNull(packets);
        assertEquals(1, packets.size());
        return packets.get(0);
    }

    private byte[] written(int length) {
        return Arrays.copyOf(out, length);
    }

    @Test
    void senderReportMatchesTheHandVector() {
        ReportBlock block = new ReportBlock(0x11223344L, 64, -2, 0x10005, 0x20, 0x5A7B8000L, 0x18000);
        int n = RtcpWriter.senderReport(out, 0, 1234, 0xE65A7B3CL, 0x80000000L, 123456, 10, 1000, List.of(block));
        assertArrayEquals(RtcpParserTest.SR_ONE_BLOCK, written(n));
    }

    @Test
    void receiverReportRoundTripsAndClampsFields() {
        List<ReportBlock> blocks = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            blocks.add(new ReportBlock(1000 + i, i, -i * 1000, 0x1_0000L + i, 90 * i, 0xABCD0000L + i, 65536L * i));
        }
        int n = RtcpWriter.receiverReport(out, 0, 0xFFFFFFFFL, blocks);
        assertEquals(8 + 31 * 24, n);
        ReceiverReport rr = assertInstanceOf(ReceiverReport.class, roundTrip(n));
        assertEquals(0xFFFFFFFFL, rr.senderSsrc());
        assertEquals(blocks, rr.reportBlocks());

        ReportBlock outOfRange = new ReportBlock(1, 300, 10_000_000, 0, 0, 0, 0);
        n = RtcpWriter.receiverReport(out, 0, 1, List.of(outOfRange));
        ReportBlock clamped = ((ReceiverReport) roundTrip(n)).reportBlocks().get(0);
        assertEquals(255, clamped.fractionLost());
        assertEquals(0x7FFFFF, clamped.cumulativeLost());

        assertThrows(IllegalArgumentException.class, () -> RtcpWriter.receiverReport(out, 0, 1,
                Collections.nCopies(32, outOfRange)));
    }

    @Test
    void sdesByeAndPli() {
        int n = RtcpWriter.sdesCname(out, 0, 0x87654321L, "TEH8YwzA");
        assertArrayEquals(RtcpParserTest.SDES, written(n));
        for (String cname : new String[] {"", "a", "ab", "abc", "abcd", "x".repeat(255)}) {
            n = RtcpWriter.sdesCname(out, 0, 5, cname);
            assertEquals(0, n % 4);
            SourceDescription sdes = assertInstanceOf(SourceDescription.class, roundTrip(n));
            assertEquals(List.of(new SdesChunk(5, cname)), sdes.chunks());
        }

        n = RtcpWriter.bye(out, 0, new long[] {1, 0xFFFFFFFEL});
        Bye bye = assertInstanceOf(Bye.class, roundTrip(n));
        assertArrayEquals(new long[] {1, 0xFFFFFFFEL}, bye.ssrcs());
        assertNull(bye.reason());
        n = RtcpWriter.bye(out, 0, new long[] {1, 2}, "bye");
        assertArrayEquals(Hex.bytes("82CB0003 00000001 00000002 03627965"), written(n), "length byte + 3 chars fill a word");
        n = RtcpWriter.bye(out, 0, new long[] {9}, "ab");
        assertEquals("ab", ((Bye) roundTrip(n)).reason());

        n = RtcpWriter.pli(out, 0, 1, 0x87654321L);
        assertArrayEquals(RtcpParserTest.PLI, written(n));
    }

    @Test
    void fir() {
        int n = RtcpWriter.fir(out, 0, 1, 10, 261);
        assertArrayEquals(Hex.bytes("84CE0004 00000001 00000000 0000000A 05000000"), written(n));
        assertEquals(new FullIntraRequest(1, 10, 5), roundTrip(n));
    }

    @Test
    void nackPacksPidAndBlpAcrossTheWrap() {
        int n = RtcpWriter.nack(out, 0, 1, 2, new int[] {0, 65534, 14, 65535, 100, 0});
        assertArrayEquals(Hex.bytes("81CD0004 00000001 00000002 FFFE8003 00640000"), written(n));
        GenericNack nack = assertInstanceOf(GenericNack.class, roundTrip(n));
        assertArrayEquals(new int[] {65534, 65535, 0, 14, 100}, nack.lostSeqs());
        assertEquals(0, RtcpWriter.nack(out, 0, 1, 2, new int[0]));
    }

    @Test
    void nackOfALongBurstRoundTrips() {
        int[] lost = new int[300];
        for (int i = 0; i < lost.length; i++) {
            lost[i] = (65400 + 2 * i) & 0xFFFF;
        }
        int n = RtcpWriter.nack(out, 0, 1, 2, lost);
        GenericNack nack = assertInstanceOf(GenericNack.class, roundTrip(n));
        assertArrayEquals(lost, nack.lostSeqs());
        assertEquals(12 + 4 * 34, n, "9 lost numbers (every other one) per PID+BLP entry");
    }

    @Test
    void rembMatchesTheSampleAndEncodesEdgeCases() {
        int n = RtcpWriter.remb(out, 0, 1, 586788, new long[] {0x12345678L});
        assertArrayEquals(RtcpParserTest.REMB, written(n));

        long[][] cases = {
            // requested, expected after the 18-bit mantissa rounding, exponent, mantissa
            {0, 0, 0, 0},
            {262143, 262143, 0, 262143},
            {262144, 262144, 1, 131072},
            {262145, 262144, 1, 131072},
            {1_000_001, 1_000_000, 2, 250000},
            {30_000_000, 30_000_000, 7, 234375},
            {30_000_001, 30_000_000, 7, 234375},
            {Long.MAX_VALUE, 262143L << 45, 45, 262143},
        };
        for (long[] c : cases) {
            n = RtcpWriter.remb(out, 0, 7, c[0], new long[] {1, 2});
            Remb remb = assertInstanceOf(Remb.class, roundTrip(n));
            assertEquals(c[1], remb.bitrateBps(), "bitrate " + c[0]);
            assertEquals(c[2], (out[17] & 0xFF) >>> 2, "exponent of " + c[0]);
            assertEquals(c[3], ((out[17] & 0x03L) << 16) | ((out[18] & 0xFF) << 8) | (out[19] & 0xFF));
            assertArrayEquals(new long[] {1, 2}, remb.ssrcs());
        }
        assertThrows(IllegalArgumentException.class, () -> RtcpWriter.remb(out, 0, 1, -1, new long[0]));
    }

    @Test
    void compoundFromSeveralWriterCalls() {
        int n = RtcpWriter.receiverReport(out, 0, 1, List.of());
        n += RtcpWriter.remb(out, n, 1, 2_500_000, new long[] {11, 12});
        n += RtcpWriter.nack(out, n, 1, 11, new int[] {5, 6});
        n += RtcpWriter.pli(out, n, 1, 12);
        n += RtcpWriter.fir(out, n, 1, 12, 3);
        List<RtcpPacket> packets = RtcpParser.parseCompound(out, 0, n);
        assertNotNull(packets);
        assertEquals(5, packets.size());
        assertEquals(new ReceiverReport(1, List.of()), packets.get(0));
        assertEquals(2_500_000, ((Remb) packets.get(1)).bitrateBps());
        assertArrayEquals(new int[] {5, 6}, ((GenericNack) packets.get(2)).lostSeqs());
        assertEquals(new PictureLossIndication(1, 12), packets.get(3));
        assertEquals(new FullIntraRequest(1, 12, 3), packets.get(4));
    }

    @Test
    void returnsMinusOneWithoutRoom() {
        byte[] small = new byte[11];
        assertEquals(-1, RtcpWriter.pli(small, 0, 1, 2));
        assertEquals(-1, RtcpWriter.pli(out, out.length - 11, 1, 2));
        assertEquals(-1, RtcpWriter.pli(out, -1, 1, 2));
        assertEquals(-1, RtcpWriter.receiverReport(new byte[7], 0, 1, List.of()));
        assertEquals(-1, RtcpWriter.sdesCname(small, 0, 1, "abc"));
        assertEquals(-1, RtcpWriter.bye(new byte[7], 0, new long[] {1}));
        assertEquals(-1, RtcpWriter.fir(new byte[19], 0, 1, 2, 3));
        assertEquals(-1, RtcpWriter.nack(small, 0, 1, 2, new int[] {1}));
        assertEquals(-1, RtcpWriter.remb(new byte[23], 0, 1, 5, new long[] {1}));
        assertEquals(-1, RtcpWriter.senderReport(new byte[27], 0, 1, 0, 0, 0, 0, 0, List.of()));
    }
}
