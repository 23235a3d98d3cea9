package sabaq.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Vp8PayloadDescriptorTest {
    private static int descriptorLength(byte[] p) {
        return Vp8PayloadDescriptor.descriptorLength(p, 0, p.length);
    }

    @Test
    void minimalDescriptorOfAKeyframe() {
        // S=1 PID=0, then a VP8 key frame: 3-byte frame tag with P=0, start code 9D 01 2A.
        byte[] p = Hex.bytes("10 504200 9D012A");
        assertEquals(1, descriptorLength(p));
        assertTrue(Vp8PayloadDescriptor.startOfFrame(p, 0, p.length));
        assertTrue(Vp8PayloadDescriptor.isKeyframe(p, 0, p.length));
        assertEquals(-1, Vp8PayloadDescriptor.pictureId(p, 0, p.length));
        assertEquals(0, Vp8PayloadDescriptor.pictureIdBits(p, 0, p.length));
        assertEquals(-1, Vp8PayloadDescriptor.tl0PicIdx(p, 0, p.length));
        assertEquals(-1, Vp8PayloadDescriptor.temporalId(p, 0, p.length));
        assertEquals(-1, Vp8PayloadDescriptor.keyIdx(p, 0, p.length));
        assertFalse(Vp8PayloadDescriptor.setPictureId(p, 0, p.length, 5));
        assertFalse(Vp8PayloadDescriptor.setTl0PicIdx(p, 0, p.length, 5));
    }

    @Test
    void fullDescriptorWith7BitPictureIdOnADeltaFrame() {
        // X S | I L T K | M=0 pid 0x55 | TL0PICIDX 0x12 | TID=2 Y=1 KEYIDX=5 | payload header P=1.
        byte[] p = Hex.bytes("90 F0 55 12 A5 01");
        assertEquals(5, descriptorLength(p));
        assertTrue(Vp8PayloadDescriptor.startOfFrame(p, 0, p.length));
        assertFalse(Vp8PayloadDescriptor.isKeyframe(p, 0, p.length));
        assertEquals(0x55, Vp8PayloadDescriptor.pictureId(p, 0, p.length));
        assertEquals(7, Vp8PayloadDescriptor.pictureIdBits(p, 0, p.length));
        assertEquals(0x12, Vp8PayloadDescriptor.tl0PicIdx(p, 0, p.length));
        assertEquals(2, Vp8PayloadDescriptor.temporalId(p, 0, p.length));
        assertTrue(Vp8PayloadDescriptor.layerSync(p, 0, p.length));
        assertEquals(5, Vp8PayloadDescriptor.keyIdx(p, 0, p.length));
        assertFalse(Vp8PayloadDescriptor.nonReference(p, 0, p.length));
    }

    @Test
    void fifteenBitPictureIdOnAKeyframe() {
        // Chrome's usual form: X S | I L T | M=1 pid 0x0123 | TL0PICIDX 7 | TID=0 Y=0 | key frame header.
        byte[] p = Hex.bytes("90 E0 8123 07 00 10");
        assertEquals(6, descriptorLength(p));
        assertTrue(Vp8PayloadDescriptor.isKeyframe(p, 0, p.length));
        assertEquals(0x0123, Vp8PayloadDescriptor.pictureId(p, 0, p.length));
        assertEquals(15, Vp8PayloadDescriptor.pictureIdBits(p, 0, p.length));
        assertEquals(7, Vp8PayloadDescriptor.tl0PicIdx(p, 0, p.length));
        assertEquals(0, Vp8PayloadDescriptor.temporalId(p, 0, p.length));
        assertFalse(Vp8PayloadDescriptor.layerSync(p, 0, p.length));
        assertEquals(-1, Vp8PayloadDescriptor.keyIdx(p, 0, p.length), "K not set");
    }

    @Test
    void temporalAndKeyIndexFieldsAreIndependent() {
        byte[] onlyT = Hex.bytes("90 20 40 00");
        assertEquals(3, descriptorLength(onlyT));
        assertEquals(1, Vp8PayloadDescriptor.temporalId(onlyT, 0, onlyT.length));
        assertEquals(-1, Vp8PayloadDescriptor.keyIdx(onlyT, 0, onlyT.length));
        assertEquals(-1, Vp8PayloadDescriptor.pictureId(onlyT, 0, onlyT.length));

        byte[] onlyK = Hex.bytes("90 10 FF 00");
        assertEquals(-1, Vp8PayloadDescriptor.temporalId(onlyK, 0, onlyK.length));
        assertFalse(Vp8PayloadDescriptor.layerSync(onlyK, 0, onlyK.length));
        assertEquals(31, Vp8PayloadDescriptor.keyIdx(onlyK, 0, onlyK.length));
    }

    @Test
    void onlyTheFirstPacketOfPartitionZeroStartsAFrame() {
        byte[] continuation = Hex.bytes("80 80 8123 00");
        assertFalse(Vp8PayloadDescriptor.startOfFrame(continuation, 0, continuation.length));
        assertFalse(Vp8PayloadDescriptor.isKeyframe(continuation, 0, continuation.length));
        assertEquals(0x0123, Vp8PayloadDescriptor.pictureId(continuation, 0, continuation.length));

        byte[] secondPartition = Hex.bytes("31 00");
        assertTrue(Vp8PayloadDescriptor.startOfPartition(secondPartition, 0, secondPartition.length));
        assertFalse(Vp8PayloadDescriptor.startOfFrame(secondPartition, 0, secondPartition.length));
        assertFalse(Vp8PayloadDescriptor.isKeyframe(secondPartition, 0, secondPartition.length));
        assertEquals(1, Vp8PayloadDescriptor.partitionIndex(secondPartition, 0, secondPartition.length));
        assertTrue(Vp8PayloadDescriptor.nonReference(secondPartition, 0, secondPartition.length));
    }

    @Test
    void truncatedDescriptorsReadAsAbsent() {
        byte[] p = Hex.bytes("90 F0 55 12 A5 00");
        for (int len = 0; len < 5; len++) {
            assertEquals(-1, Vp8PayloadDescriptor.descriptorLength(p, 0, len), "len " + len);
            assertEquals(-1, Vp8PayloadDescriptor.pictureId(p, 0, len));
            assertEquals(-1, Vp8PayloadDescriptor.tl0PicIdx(p, 0, len));
            assertEquals(-1, Vp8PayloadDescriptor.temporalId(p, 0, len));
            assertFalse(Vp8PayloadDescriptor.isKeyframe(p, 0, len));
            assertFalse(Vp8PayloadDescriptor.setPictureId(p, 0, len, 1));
        }
        assertFalse(Vp8PayloadDescriptor.isKeyframe(p, 0, 5), "no payload header after the descriptor");
        assertTrue(Vp8PayloadDescriptor.isKeyframe(Hex.bytes("90 F0 55 12 A5 00"), 0, 6), "the S bit is set");
        byte[] cutLongPictureId = Hex.bytes("90 80 81");
        assertEquals(-1, descriptorLength(cutLongPictureId));
        assertFalse(Vp8PayloadDescriptor.startOfFrame(p, 1, 0));
        assertEquals(-1, Vp8PayloadDescriptor.descriptorLength(p, 4, 3), "slice beyond the array");
        assertEquals(-1, Vp8PayloadDescriptor.descriptorLength(null, 0, 1));
    }

    @Test
    void settersKeepTheFieldWidth() {
        byte[] short7 = Hex.bytes("90 C0 55 12 00");
        assertTrue(Vp8PayloadDescriptor.setPictureId(short7, 0, short7.length, 0x1FF));
        assertEquals(0x7F, Vp8PayloadDescriptor.pictureId(short7, 0, short7.length));
        assertTrue(Vp8PayloadDescriptor.setTl0PicIdx(short7, 0, short7.length, 0x1AB));
        assertArrayEquals(Hex.bytes("90 C0 7F AB 00"), short7);

        byte[] long15 = Hex.bytes("90 C0 8123 12 00");
        assertTrue(Vp8PayloadDescriptor.setPictureId(long15, 0, long15.length, 0x1_7ABC));
        assertEquals(0x7ABC, Vp8PayloadDescriptor.pictureId(long15, 0, long15.length));
        assertEquals(15, Vp8PayloadDescriptor.pictureIdBits(long15, 0, long15.length));
        assertTrue(Vp8PayloadDescriptor.setTl0PicIdx(long15, 0, long15.length, 0));
        assertArrayEquals(Hex.bytes("90 C0 FABC 00 00"), long15);
    }

    @Test
    void readsTheDescriptorOfAWholeRtpPacket() {
        byte[] packet = Hex.bytes("90E00001 00000000 11223344 BEDE0001 A0680000" + "90E08123 0700 10");
        int off = RtpPacket.headerLength(packet, 0, packet.length);
        int len = RtpPacket.payloadLength(packet, 0, packet.length);
        assertTrue(Vp8PayloadDescriptor.isKeyframe(packet, off, len));
        assertEquals(0x0123, Vp8PayloadDescriptor.pictureId(packet, off, len));
        assertEquals(7, Vp8PayloadDescriptor.tl0PicIdx(packet, off, len));
    }
}
