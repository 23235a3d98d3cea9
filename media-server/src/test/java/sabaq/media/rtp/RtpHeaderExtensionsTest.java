package sabaq.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Extension ids follow the Chromium 156 offer in shared/fixtures (audio 1..4, video 3, 4, 10, 11). */
class RtpHeaderExtensionsTest {
    /**
     * Opus packet: audio level (id 1, V=1 level 37), a padding byte, abs-send-time (id 2, 0x123456), transport-cc
     * (id 3, 258), mid (id 4, "0"), then a 4-byte payload.
     */
    static final byte[] AUDIO = Hex.bytes("906F1234 00000960 34DE3E09 BEDE0003"
            + "10A5 00 22123456 310102 4030" + "DEADBEEF");

    /** VP8 packet: mid "1" (id 4), rid "h" (id 10), transport-cc 7 (id 3), one padding byte. */
    static final byte[] VIDEO = Hex.bytes("90600001 00000000 11223344 BEDE0002"
            + "4031 A068 310007 00" + "9000");

    /** Two-byte form (appbits 5): id 10 "abc", padding, id 20 with empty value, id 3 = 5. */
    static final byte[] TWO_BYTE = Hex.bytes("90600001 00000000 11223344 10050003"
            + "0A03616263 00 1400 03020005" + "00");

    @Test
    void findsOneByteElementsAndEncodesOffsetAndLength() {
        int found = RtpHeaderExtensions.find(AUDIO, 0, AUDIO.length, 2);
        assertEquals(3, RtpHeaderExtensions.valueLength(found));
        assertEquals(20, RtpHeaderExtensions.valueOffset(0, found));
        assertEquals((20 << 8) | 3, found);
        assertEquals(-1, RtpHeaderExtensions.find(AUDIO, 0, AUDIO.length, 5));
        assertEquals(-1, RtpHeaderExtensions.find(AUDIO, 0, AUDIO.length, 0));
        assertEquals(-1, RtpHeaderExtensions.find(AUDIO, 0, AUDIO.length, 15));
    }

    @Test
    void readsChromeAudioValues() {
        int len = AUDIO.length;
        assertEquals(37, RtpHeaderExtensions.audioLevel(AUDIO, 0, len, 1));
        assertTrue(RtpHeaderExtensions.voiceActivity(AUDIO, 0, len, 1));
        assertEquals(0x123456, RtpHeaderExtensions.absSendTime(AUDIO, 0, len, 2));
        assertEquals(258, RtpHeaderExtensions.transportCcSeq(AUDIO, 0, len, 3));
        assertEquals("0", RtpHeaderExtensions.stringValue(AUDIO, 0, len, 4));
        assertEquals(-1, RtpHeaderExtensions.audioLevel(AUDIO, 0, len, 9));
        assertFalse(RtpHeaderExtensions.voiceActivity(AUDIO, 0, len, 9));
        assertEquals(-1, RtpHeaderExtensions.transportCcSeq(AUDIO, 0, len, 1), "audio level is too short");
    }

    @Test
    void readsChromeSimulcastValues() {
        int len = VIDEO.length;
        assertEquals("1", RtpHeaderExtensions.stringValue(VIDEO, 0, len, 4));
        assertEquals("h", RtpHeaderExtensions.stringValue(VIDEO, 0, len, 10));
        assertNull(RtpHeaderExtensions.stringValue(VIDEO, 0, len, 11), "no repaired-rtp-stream-id");
        assertTrue(RtpHeaderExtensions.valueEquals(VIDEO, 0, len, 10, "h".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(RtpHeaderExtensions.valueEquals(VIDEO, 0, len, 10, "q".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(RtpHeaderExtensions.valueEquals(VIDEO, 0, len, 10, "hh".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(7, RtpHeaderExtensions.transportCcSeq(VIDEO, 0, len, 3));
    }

    @Test
    void findsTwoByteElements() {
        int len = TWO_BYTE.length;
        assertEquals("abc", RtpHeaderExtensions.stringValue(TWO_BYTE, 0, len, 10));
        int empty = RtpHeaderExtensions.find(TWO_BYTE, 0, len, 20);
        assertTrue(empty >= 0);
        assertEquals(0, RtpHeaderExtensions.valueLength(empty));
        assertEquals(5, RtpHeaderExtensions.transportCcSeq(TWO_BYTE, 0, len, 3));
        assertEquals(-1, RtpHeaderExtensions.find(TWO_BYTE, 0, len, 200));
    }

    @Test
    void worksAtAnOffset() {
        byte[] big = new byte[AUDIO.length + 100];
        System.arraycopy(AUDIO, 0, big, 77, AUDIO.length);
        int found = RtpHeaderExtensions.find(big, 77, AUDIO.length, 3);
        assertEquals(77 + 24, RtpHeaderExtensions.valueOffset(77, found));
        assertEquals(258, RtpHeaderExtensions.transportCcSeq(big, 77, AUDIO.length, 3));
    }

    @Test
    void setsTransportCcSequenceInPlace() {
        byte[] p = VIDEO.clone();
        assertTrue(RtpHeaderExtensions.setTransportCcSeq(p, 0, p.length, 3, 0xBEEF));
        assertEquals(0xBEEF, RtpHeaderExtensions.transportCcSeq(p, 0, p.length, 3));
        assertEquals("h", RtpHeaderExtensions.stringValue(p, 0, p.length, 10));
        assertFalse(RtpHeaderExtensions.setTransportCcSeq(p, 0, p.length, 5, 1));
    }

    @Test
    void stopsAtIdFifteenAndRejectsOverrunningElements() {
        byte[] stop = Hex.bytes("90600001 00000000 11223344 BEDE0001 F0 3101 00");
        assertEquals(-1, RtpHeaderExtensions.find(stop, 0, stop.length, 3));
        byte[] overrun = Hex.bytes("90600001 00000000 11223344 BEDE0001 3F010203");
        assertEquals(-1, RtpHeaderExtensions.find(overrun, 0, overrun.length, 3));
        byte[] twoByteOverrun = Hex.bytes("90600001 00000000 11223344 10000001 0309AABB");
        assertEquals(-1, RtpHeaderExtensions.find(twoByteOverrun, 0, twoByteOverrun.length, 3));
        byte[] otherProfile = Hex.bytes("90600001 00000000 11223344 ABCD0001 31010200");
        assertEquals(-1, RtpHeaderExtensions.find(otherProfile, 0, otherProfile.length, 3));
        byte[] noExtension = Hex.bytes("80600001 00000000 11223344 BEDE0001 31010200");
        assertEquals(-1, RtpHeaderExtensions.find(noExtension, 0, noExtension.length, 3));
        assertEquals(-1, RtpHeaderExtensions.find(AUDIO, 0, 20, 1), "block cut by the slice");
    }
}
