package sabaq.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RtpPacketTest {
    /**
     * V=2 P=1 X=1 CC=2, M=1 PT=96, seq 0xFFFE, ts 0xDEADBEEF, SSRC 0x89ABCDEF, two CSRCs, a one-byte extension
     * block of one word (id 3, 2 bytes 0x1234, one padding byte), 5 payload bytes, 3 padding bytes.
     */
    static final byte[] FULL = Hex.bytes("B2E0FFFE DEADBEEF 89ABCDEF 11111111 22222222"
            + "BEDE0001 31123400" + "0102030405" + "000003");

    @Test
    void readsEveryHeaderField() {
        byte[] p = FULL;
        int len = p.length;
        assertTrue(RtpPacket.isRtp(p, 0, len));
        assertEquals(2, RtpPacket.version(p, 0, len));
        assertTrue(RtpPacket.hasPadding(p, 0, len));
        assertTrue(RtpPacket.hasExtension(p, 0, len));
        assertEquals(2, RtpPacket.csrcCount(p, 0, len));
        assertTrue(RtpPacket.marker(p, 0, len));
        assertEquals(96, RtpPacket.payloadType(p, 0, len));
        assertEquals(0xFFFE, RtpPacket.sequenceNumber(p, 0, len));
        assertEquals(0xDEADBEEFL, RtpPacket.timestamp(p, 0, len));
        assertEquals(0x89ABCDEFL, RtpPacket.ssrc(p, 0, len));
        assertEquals(28, RtpPacket.headerLength(p, 0, len));
        assertEquals(20, RtpPacket.extensionOffset(p, 0, len));
        assertEquals(3, RtpPacket.paddingLength(p, 0, len));
        assertEquals(5, RtpPacket.payloadLength(p, 0, len));
    }

    @Test
    void worksOnASliceOfALargerBuffer() {
        byte[] big = new byte[FULL.length + 20];
        System.arraycopy(FULL, 0, big, 9, FULL.length);
        assertTrue(RtpPacket.isRtp(big, 9, FULL.length));
        assertEquals(0xFFFE, RtpPacket.sequenceNumber(big, 9, FULL.length));
        assertEquals(5, RtpPacket.payloadLength(big, 9, FULL.length));
        assertEquals(29, RtpPacket.extensionOffset(big, 9, FULL.length));
        assertFalse(RtpPacket.isRtp(big, 9, FULL.length - 1), "padding count now reads a payload byte as 0");
    }

    @Test
    void minimalPacketWithoutOptions() {
        byte[] p = Hex.bytes("80 6F 0001 00000064 00000001");
        assertTrue(RtpPacket.isRtp(p, 0, p.length));
        assertEquals(111, RtpPacket.payloadType(p, 0, p.length));
        assertFalse(RtpPacket.marker(p, 0, p.length));
        assertEquals(12, RtpPacket.headerLength(p, 0, p.length));
        assertEquals(0, RtpPacket.payloadLength(p, 0, p.length));
        assertEquals(-1, RtpPacket.extensionOffset(p, 0, p.length));
    }

    @Test
    void rejectsStructurallyInvalidPackets() {
        byte[] p = FULL.clone();
        assertFalse(RtpPacket.isRtp(p, 0, 11));
        assertFalse(RtpPacket.isRtp(null, 0, 12));
        assertFalse(RtpPacket.isRtp(p, -1, 12));
        assertFalse(RtpPacket.isRtp(p, 30, 12), "slice beyond the array");
        assertFalse(RtpPacket.isRtp(p, 0, 27), "extension block cut");
        assertEquals(-1, RtpPacket.headerLength(p, 0, 27));

        byte[] version1 = FULL.clone();
        version1[0] = (byte) 0x72;
        assertFalse(RtpPacket.isRtp(version1, 0, version1.length));

        byte[] zeroPadding = FULL.clone();
        zeroPadding[zeroPadding.length - 1] = 0;
        assertFalse(RtpPacket.isRtp(zeroPadding, 0, zeroPadding.length));

        byte[] hugePadding = FULL.clone();
        hugePadding[hugePadding.length - 1] = 9;
        assertFalse(RtpPacket.isRtp(hugePadding, 0, hugePadding.length));
        hugePadding[hugePadding.length - 1] = 8; // exactly payload + padding: empty payload, still valid
        assertTrue(RtpPacket.isRtp(hugePadding, 0, hugePadding.length));
        assertEquals(0, RtpPacket.payloadLength(hugePadding, 0, hugePadding.length));

        byte[] longExtension = FULL.clone();
        longExtension[23] = 5;
        assertFalse(RtpPacket.isRtp(longExtension, 0, longExtension.length));

        byte[] manyCsrcs = Hex.bytes("8F 60 0001 00000000 00000000 00000000");
        assertFalse(RtpPacket.isRtp(manyCsrcs, 0, manyCsrcs.length));
    }

    @Test
    void gettersAreSafeOnShortSlices() {
        byte[] p = new byte[5];
        assertEquals(-1, RtpPacket.version(p, 0, 5));
        assertEquals(-1, RtpPacket.sequenceNumber(p, 0, 5));
        assertEquals(-1, RtpPacket.timestamp(p, 0, 5));
        assertEquals(-1, RtpPacket.ssrc(p, 0, 5));
        assertEquals(-1, RtpPacket.payloadType(p, 0, 5));
        assertEquals(-1, RtpPacket.payloadLength(p, 0, 5));
        assertFalse(RtpPacket.marker(p, 0, 5));
        assertFalse(RtpPacket.setSequenceNumber(p, 0, 5, 1));
        assertArrayEquals(new byte[5], p);
    }

    @Test
    void settersRewriteInPlaceAndKeepOtherBits() {
        byte[] p = FULL.clone();
        int len = p.length;
        assertTrue(RtpPacket.setSequenceNumber(p, 0, len, 0x10001));
        assertTrue(RtpPacket.setTimestamp(p, 0, len, 0x1_0000_0005L));
        assertTrue(RtpPacket.setSsrc(p, 0, len, 0xFEDCBA98L));
        assertTrue(RtpPacket.setPayloadType(p, 0, len, 100));
        assertEquals(1, RtpPacket.sequenceNumber(p, 0, len));
        assertEquals(5, RtpPacket.timestamp(p, 0, len));
        assertEquals(0xFEDCBA98L, RtpPacket.ssrc(p, 0, len));
        assertEquals(100, RtpPacket.payloadType(p, 0, len));
        assertTrue(RtpPacket.marker(p, 0, len), "setting the PT keeps the marker");
        assertTrue(RtpPacket.setMarker(p, 0, len, false));
        assertFalse(RtpPacket.marker(p, 0, len));
        assertEquals(100, RtpPacket.payloadType(p, 0, len), "clearing the marker keeps the PT");
        assertEquals(28, RtpPacket.headerLength(p, 0, len));
        for (int i = 12; i < len; i++) {
            assertEquals(FULL[i], p[i], "byte " + i + " untouched");
        }
    }

    @Test
    void demultiplexesPerRfc7983AndRfc5761() {
        for (int b = 0; b < 256; b++) {
            assertEquals(b >= 128 && b <= 191, RtpPacket.looksLikeRtpOrRtcp((byte) b), "first byte " + b);
        }
        byte[] rr = Hex.bytes("81C90007 00000001");
        assertTrue(RtpPacket.isRtcp(rr, 0, rr.length));
        byte[] rtcpFb = Hex.bytes("8FCD0002 00000001");
        assertTrue(RtpPacket.isRtcp(rtcpFb, 0, rtcpFb.length));
        assertFalse(RtpPacket.isRtcp(FULL, 0, FULL.length), "PT 96 with marker is second byte 0xE0 = 224");
        byte[] pt72 = Hex.bytes("80C80000");
        assertTrue(RtpPacket.isRtcp(pt72, 0, pt72.length));
        byte[] pt95 = Hex.bytes("80DF0000");
        assertTrue(RtpPacket.isRtcp(pt95, 0, pt95.length));
        byte[] pt191 = Hex.bytes("80BF0000");
        assertFalse(RtpPacket.isRtcp(pt191, 0, pt191.length));
        assertFalse(RtpPacket.isRtcp(rr, 0, 3));
    }
}
