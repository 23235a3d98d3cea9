package sabaq.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RtpHeaderWriterTest {
    @Test
    void writesAPlainHeader() {
        RtpHeaderWriter writer = new RtpHeaderWriter();
        byte[] out = new byte[12];
        assertEquals(12, writer.write(out, 0, 96, true, 0x1234, 0xCAFEBABEL, 0x01020304L));
        assertArrayEquals(Hex.bytes("80E01234 CAFEBABE 01020304"), out);
    }

    @Test
    void writesOneByteExtensionsPaddedToAWord() {
        RtpHeaderWriter writer = new RtpHeaderWriter()
                .addTransportCcSeq(5, 0xABCD)
                .addAudioLevel(9, 30, true);
        // Elements: 1+2 and 1+1 bytes = 5, padded to 8.
        assertEquals(12 + 4 + 8, writer.headerLength());
        byte[] out = new byte[40];
        int written = writer.write(out, 3, 111, false, 7, 960, 42);
        assertEquals(24, written);
        byte[] header = new byte[24];
        System.arraycopy(out, 3, header, 0, 24);
        assertArrayEquals(Hex.bytes("906F0007 000003C0 0000002A BEDE0002 51ABCD90 9E000000"), header);
        assertTrue(RtpPacket.isRtp(out, 3, 24));
        assertEquals(0xABCD, RtpHeaderExtensions.transportCcSeq(out, 3, 24, 5));
        assertEquals(30, RtpHeaderExtensions.audioLevel(out, 3, 24, 9));
        assertTrue(RtpHeaderExtensions.voiceActivity(out, 3, 24, 9));
    }

    @Test
    void rebuildsASubscriberHeaderFromAPublisherPacket() {
        byte[] in = RtpHeaderExtensionsTest.AUDIO;
        RtpHeaderWriter writer = new RtpHeaderWriter();
        // Publisher ids: audio level 1, transport-cc 3. Subscriber ids: audio level 7, transport-cc 2.
        assertTrue(writer.copyExtension(in, 0, in.length, 1, 7));
        writer.addTransportCcSeq(2, 999);
        assertFalse(writer.copyExtension(in, 0, in.length, 12, 8), "absent in the source");
        assertFalse(writer.copyExtension(in, 0, in.length, 4, 7), "id 7 already used");
        assertFalse(writer.copyExtension(in, 0, in.length, 4, 15), "not a one-byte id");
        byte[] out = new byte[64];
        int headerLength = writer.write(out, 0, RtpPacket.payloadType(in, 0, in.length), false, 100, 5000, 77);
        int payload = RtpPacket.payloadLength(in, 0, in.length);
        System.arraycopy(in, RtpPacket.headerLength(in, 0, in.length), out, headerLength, payload);
        int len = headerLength + payload;
        assertTrue(RtpPacket.isRtp(out, 0, len));
        assertEquals(37, RtpHeaderExtensions.audioLevel(out, 0, len, 7));
        assertTrue(RtpHeaderExtensions.voiceActivity(out, 0, len, 7));
        assertEquals(999, RtpHeaderExtensions.transportCcSeq(out, 0, len, 2));
        assertNull(RtpHeaderExtensions.stringValue(out, 0, len, 4), "mid was not copied");
        assertEquals(4, RtpPacket.payloadLength(out, 0, len));
        assertEquals(111, RtpPacket.payloadType(out, 0, len));
    }

    @Test
    void copiesTwoByteElementsThatFitTheOneByteForm() {
        byte[] in = RtpHeaderExtensionsTest.TWO_BYTE;
        RtpHeaderWriter writer = new RtpHeaderWriter();
        assertTrue(writer.copyExtension(in, 0, in.length, 10, 10));
        assertFalse(writer.copyExtension(in, 0, in.length, 20, 11), "empty values need the two-byte form");
        byte[] out = new byte[32];
        int len = writer.write(out, 0, 96, false, 1, 1, 1);
        assertEquals("abc", RtpHeaderExtensions.stringValue(out, 0, len, 10));
    }

    @Test
    void reusedWriterForgetsOldElements() {
        RtpHeaderWriter writer = new RtpHeaderWriter().addTransportCcSeq(3, 1);
        writer.clearExtensions().addExtension(4, "mid".getBytes(StandardCharsets.US_ASCII), 0, 3);
        assertEquals(1, writer.extensionCount());
        byte[] out = new byte[20];
        int len = writer.write(out, 0, 96, false, 1, 1, 1);
        assertEquals(20, len);
        assertEquals(-1, RtpHeaderExtensions.transportCcSeq(out, 0, len, 3));
        assertEquals("mid", RtpHeaderExtensions.stringValue(out, 0, len, 4));
    }

    @Test
    void reportsNoRoomAndRejectsBadElements() {
        RtpHeaderWriter writer = new RtpHeaderWriter().addTransportCcSeq(3, 1);
        assertEquals(-1, writer.write(new byte[19], 0, 96, false, 1, 1, 1));
        assertEquals(-1, writer.write(new byte[30], 11, 96, false, 1, 1, 1));
        assertEquals(-1, writer.write(new byte[30], -1, 96, false, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> writer.addTransportCcSeq(3, 2));
        assertThrows(IllegalArgumentException.class, () -> writer.addAudioLevel(15, 1, false));
        assertThrows(IllegalArgumentException.class, () -> writer.addExtension(1, new byte[17], 0, 17));
        assertThrows(IllegalArgumentException.class, () -> writer.addExtension(1, new byte[0], 0, 0));
    }
}
