package sabaq.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import sabaq.media.rtp.Hex;

/** Hand-made byte vectors. */
class RtcpParserTest {
    static final byte[] SR_ONE_BLOCK = Hex.bytes("81C8000C 000004D2 E65A7B3C 80000000 0001E240 0000000A 000003E8"
            + "11223344 40FFFFFE 00010005 00000020 5A7B8000 00018000");

    static final byte[] RR_ONE_BLOCK = Hex.bytes("81C90007 00000001"
            + "AABBCCDD 0A000064 0002FFFF 000003E8 00000000 00000000");

    /** REMB for 146697 * 2^2 = 586788 bps and SSRC 0x12345678. */
    static final byte[] REMB = Hex.bytes("8FCE0005 00000001 00000000 52454D42 010A3D09 12345678");

    static final byte[] SDES = Hex.bytes("81CA0004 87654321 01085445 48385977 7A410000");

    static final byte[] PLI = Hex.bytes("81CE0002 00000001 87654321");

    @Test
    void senderReportWithABlock() {
        List<RtcpPacket> packets = RtcpParser.parseCompound(SR_ONE_BLOCK, 0, SR_ONE_BLOCK.length);
        assertNotNull(packets);
        assertEquals(1, packets.size());
        SenderReport sr = assertInstanceOf(SenderReport.class, packets.get(0));
        assertEquals(1234, sr.senderSsrc());
        assertEquals(0xE65A7B3CL, sr.ntpSeconds());
        assertEquals(0x80000000L, sr.ntpFraction());
        assertEquals(123456, sr.rtpTimestamp());
        assertEquals(10, sr.packetCount());
        assertEquals(1000, sr.octetCount());
        assertEquals(0x7B3C8000L, sr.ntpMiddle32());
        assertEquals(List.of(new ReportBlock(0x11223344L, 64, -2, 0x10005, 0x20, 0x5A7B8000L, 0x18000)),
                sr.reportBlocks());
    }

    @Test
    void receiverReportWithABlock() {
        List<RtcpPacket> packets = RtcpParser.parseCompound(RR_ONE_BLOCK, 0, RR_ONE_BLOCK.length);
        assertNotNull(packets);
        ReceiverReport rr = assertInstanceOf(ReceiverReport.class, packets.get(0));
        assertEquals(1, rr.senderSsrc());
        assertEquals(List.of(new ReportBlock(0xAABBCCDDL, 10, 100, 0x2FFFF, 1000, 0, 0)), rr.reportBlocks());
    }

    @Test
    void rembSample() {
        Remb remb = assertInstanceOf(Remb.class, RtcpParser.parseCompound(REMB, 0, REMB.length).get(0));
        assertEquals(1, remb.senderSsrc());
        assertEquals(586788, remb.bitrateBps());
        assertArrayEquals(new long[] {0x12345678L}, remb.ssrcs());
    }

    @Test
    void rembBitrateThatOverflowsALongSaturates() {
        byte[] huge = Hex.bytes("8FCE0004 00000001 00000000 52454D42 00FFFFFF");
        Remb remb = assertInstanceOf(Remb.class, RtcpParser.parseCompound(huge, 0, huge.length).get(0));
        assertEquals(Long.MAX_VALUE, remb.bitrateBps());
        byte[] zero = Hex.bytes("8FCE0004 00000001 00000000 52454D42 00FC0000");
        assertEquals(0, ((Remb) RtcpParser.parseCompound(zero, 0, zero.length).get(0)).bitrateBps());
    }

    @Test
    void sdesCname() {
        SourceDescription sdes = assertInstanceOf(SourceDescription.class,
                RtcpParser.parseCompound(SDES, 0, SDES.length).get(0));
        assertEquals(List.of(new SdesChunk(0x87654321L, "TEH8YwzA")), sdes.chunks());
    }

    @Test
    void chromeStyleCompoundOfSeveralPackets() {
        byte[] compound = concat(SR_ONE_BLOCK, SDES, REMB, PLI);
        byte[] buffer = new byte[compound.length + 10];
        System.arraycopy(compound, 0, buffer, 5, compound.length);
        List<RtcpPacket> packets = RtcpParser.parseCompound(buffer, 5, compound.length);
        assertNotNull(packets);
        assertEquals(4, packets.size());
        assertInstanceOf(SenderReport.class, packets.get(0));
        assertInstanceOf(SourceDescription.class, packets.get(1));
        assertInstanceOf(Remb.class, packets.get(2));
        assertEquals(new PictureLossIndication(1, 0x87654321L), packets.get(3));
    }

    @Test
    void everyTruncationIsNullUnlessItEndsOnAPacketBoundary() {
        byte[] compound = concat(SR_ONE_BLOCK, SDES, REMB, PLI);
        int[] boundaries = {SR_ONE_BLOCK.length, SR_ONE_BLOCK.length + SDES.length,
            SR_ONE_BLOCK.length + SDES.length + REMB.length};
        for (int len = 0; len < compound.length; len++) {
            List<RtcpPacket> packets = RtcpParser.parseCompound(compound, 0, len);
            int complete = 0;
            for (int i = 0; i < boundaries.length; i++) {
                if (boundaries[i] == len) {
                    complete = i + 1;
                }
            }
            if (complete == 0) {
                assertNull(packets, "truncated to " + len);
            } else {
                assertEquals(complete, packets.size(), "cut at a boundary: " + len);
            }
        }
    }

    @Test
    void malformedPackets() {
        assertNull(RtcpParser.parseCompound(null, 0, 8));
        assertNull(RtcpParser.parseCompound(PLI, 0, 0));
        assertNull(RtcpParser.parseCompound(PLI, 4, PLI.length), "slice beyond the array");
        assertNull(RtcpParser.parseCompound(Hex.bytes("41C90001 00000001"), 0, 8), "version 1");
        assertNull(RtcpParser.parseCompound(Hex.bytes("82C90001 00000001"), 0, 8), "RC=2 without blocks");
        assertNull(RtcpParser.parseCompound(Hex.bytes("80C80001 00000001"), 0, 8), "SR without sender info");
        assertNull(RtcpParser.parseCompound(Hex.bytes("81CE0001 00000001"), 0, 8), "PLI without media SSRC");
        assertNull(RtcpParser.parseCompound(Hex.bytes("84CE0002 00000001 00000000"), 0, 12), "FIR without FCI");
        assertNull(RtcpParser.parseCompound(Hex.bytes("81CA0002 87654321 01090000"), 0, 12), "SDES item overrun");
        assertNull(RtcpParser.parseCompound(Hex.bytes("81CB0002 87654321 05610000"), 0, 12), "BYE reason overrun");
        assertNull(RtcpParser.parseCompound(Hex.bytes("A1C90001 00000000"), 0, 8), "padding count 0");
        assertNull(RtcpParser.parseCompound(Hex.bytes("A1C90001 00000009"), 0, 8), "padding beyond packet");
        assertNull(RtcpParser.parseCompound(Hex.bytes("8FCE0005 00000001 00000000 52454D42 020A3D09 12345678"),
                0, 24), "REMB with 2 SSRCs but room for 1");
    }

    @Test
    void paddingIsStripped() {
        // RR with no blocks, then 4 bytes of padding (P bit, count 4).
        byte[] padded = Hex.bytes("A0C90002 00000007 00000004");
        ReceiverReport rr = assertInstanceOf(ReceiverReport.class,
                RtcpParser.parseCompound(padded, 0, padded.length).get(0));
        assertEquals(7, rr.senderSsrc());
        assertEquals(List.of(), rr.reportBlocks());
    }

    @Test
    void unknownTypesAreKeptNotRejected() {
        byte[] xr = Hex.bytes("80CF0002 00000001 04000000");
        byte[] app = Hex.bytes("80CC0002 00000001 41424344");
        byte[] otherFeedback = Hex.bytes("83CD0002 00000001 00000002");
        byte[] afbNotRemb = Hex.bytes("8FCE0004 00000001 00000000 41424344 00000000");
        List<RtcpPacket> packets = RtcpParser.parseCompound(concat(PLI, xr, app, otherFeedback, afbNotRemb), 0,
                PLI.length + xr.length + app.length + otherFeedback.length + afbNotRemb.length);
        assertNotNull(packets);
        assertEquals(5, packets.size());
        UnknownRtcp unknownXr = assertInstanceOf(UnknownRtcp.class, packets.get(1));
        assertEquals(207, unknownXr.packetType());
        assertArrayEquals(xr, unknownXr.data());
        assertEquals(204, ((UnknownRtcp) packets.get(2)).packetType());
        UnknownRtcp feedback = assertInstanceOf(UnknownRtcp.class, packets.get(3));
        assertEquals(205, feedback.packetType());
        assertEquals(3, feedback.countOrFormat());
        assertEquals(15, ((UnknownRtcp) packets.get(4)).countOrFormat());
    }

    @Test
    void genericNackExpandsPidAndBlp() {
        // PID 65534 with BLP bits 0, 1 and 15: 65534, 65535, 0, 14 (wrapped); then PID 100 alone.
        byte[] nack = Hex.bytes("81CD0004 00000001 00000002 FFFE8003 00640000");
        GenericNack parsed = assertInstanceOf(GenericNack.class,
                RtcpParser.parseCompound(nack, 0, nack.length).get(0));
        assertEquals(2, parsed.mediaSsrc());
        assertArrayEquals(new int[] {65534, 65535, 0, 14, 100}, parsed.lostSeqs());
    }

    @Test
    void firWithTwoEntriesGivesTwoRecords() {
        byte[] fir = Hex.bytes("84CE0006 00000001 00000000 0000000A 05000000 0000000B 06000000");
        List<RtcpPacket> packets = RtcpParser.parseCompound(fir, 0, fir.length);
        assertEquals(List.of(new FullIntraRequest(1, 10, 5), new FullIntraRequest(1, 11, 6)), packets);
    }

    @Test
    void byeWithReason() {
        byte[] bye = Hex.bytes("82CB0004 00000001 00000002 0362796500000000");
        Bye parsed = assertInstanceOf(Bye.class, RtcpParser.parseCompound(bye, 0, bye.length).get(0));
        assertArrayEquals(new long[] {1, 2}, parsed.ssrcs());
        assertEquals("bye", parsed.reason());
    }

    static byte[] concat(byte[]... parts) {
        int total = 0;
        for (byte[] p : parts) {
            total += p.length;
        }
        byte[] out = new byte[total];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
