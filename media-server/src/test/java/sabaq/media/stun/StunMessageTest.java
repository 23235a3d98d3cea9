package sabaq.media.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Parsing and verification against the RFC 5769 test vectors, plus malformed-input cases. */
class StunMessageTest {
    static final byte[] PASSWORD = "VOkJxbRl1RmTxUk/WvJxBt".getBytes(StandardCharsets.UTF_8);
    static final byte[] TX_ID = hex("b7e7a701 bc34d686 fa87dfae");

    /** RFC 5769 section 2.1: a Binding request with SOFTWARE, PRIORITY, ICE-CONTROLLED, USERNAME "evtj:h6vY". */
    static final byte[] RFC5769_REQUEST = hex(
            "00010058 2112a442 b7e7a701 bc34d686 fa87dfae"
            + "80220010 5354554e 20746573 7420636c 69656e74"
            + "00240004 6e0001ff"
            + "80290008 932ff9b1 51263b36"
            + "00060009 6576746a 3a683676 59202020"
            + "00080014 9aeaa70c bfd8cb56 781ef2b5 b2d3f249 c1b571a2"
            + "80280004 e57a3bcf");

    /** RFC 5769 section 2.2: IPv4 success response, XOR-MAPPED-ADDRESS 192.0.2.1:32853. */
    static final byte[] RFC5769_IPV4_RESPONSE = hex(
            "0101003c 2112a442 b7e7a701 bc34d686 fa87dfae"
            + "8022000b 74657374 20766563 746f7220"
            + "00200008 0001a147 e112a643"
            + "00080014 2b91f599 fd9e90c3 8c7489f9 2af9ba53 f06be7d7"
            + "80280004 c07d4c96");

    /** RFC 5769 section 2.3: IPv6 success response, XOR-MAPPED-ADDRESS [2001:db8:1234:5678:11:2233:4455:6677]:32853. */
    static final byte[] RFC5769_IPV6_RESPONSE = hex(
            "01010048 2112a442 b7e7a701 bc34d686 fa87dfae"
            + "8022000b 74657374 20766563 746f7220"
            + "00200014 0002a147 0113a9fa a5d3f179 bc25f4b5 bed2b9d9"
            + "00080014 a382954e 4be67bf1 1784c97c 8292c275 bfe3ed41"
            + "80280004 c8fb0b4c");

    @Test
    void rfc5769SampleRequestVerifies() {
        StunMessage msg = StunMessage.parse(RFC5769_REQUEST, 0, RFC5769_REQUEST.length);
        assertNotNull(msg);
        assertTrue(msg.isBindingRequest());
        assertArrayEquals(TX_ID, msg.transactionId());
        assertEquals("evtj:h6vY", msg.username());
        assertEquals(0x6e0001ffL, msg.priority());
        assertTrue(msg.iceControlled());
        assertFalse(msg.iceControlling());
        assertFalse(msg.useCandidate());
        assertEquals(0x932ff9b151263b36L, msg.tieBreaker());
        assertTrue(msg.hasMessageIntegrity());
        assertTrue(msg.hasFingerprint());
        assertTrue(msg.verifyMessageIntegrity(PASSWORD));
        assertTrue(msg.verifyFingerprint());
        assertFalse(msg.verifyMessageIntegrity("VOkJxbRl1RmTxUk/WvJxBu".getBytes(StandardCharsets.UTF_8)));
        assertFalse(msg.verifyMessageIntegrity(new byte[0]));
        assertFalse(msg.verifyMessageIntegrity(null));
    }

    @Test
    void rfc5769Ipv4ResponseVerifiesAndMapsAddress() throws Exception {
        StunMessage msg = StunMessage.parse(RFC5769_IPV4_RESPONSE, 0, RFC5769_IPV4_RESPONSE.length);
        assertNotNull(msg);
        assertTrue(msg.isBindingSuccess());
        assertTrue(msg.verifyMessageIntegrity(PASSWORD));
        assertTrue(msg.verifyFingerprint());
        assertEquals(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853),
                msg.xorMappedAddress().orElseThrow());
        assertNull(msg.username());
        assertEquals(-1, msg.priority());
    }

    @Test
    void rfc5769Ipv6ResponseVerifiesAndMapsAddress() throws Exception {
        StunMessage msg = StunMessage.parse(RFC5769_IPV6_RESPONSE, 0, RFC5769_IPV6_RESPONSE.length);
        assertNotNull(msg);
        assertTrue(msg.isBindingSuccess());
        assertTrue(msg.verifyMessageIntegrity(PASSWORD));
        assertTrue(msg.verifyFingerprint());
        assertEquals(new InetSocketAddress(InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853),
                msg.xorMappedAddress().orElseThrow());
    }

    @Test
    void parsesFromTheMiddleOfALargerBuffer() {
        byte[] big = new byte[RFC5769_REQUEST.length + 37];
        System.arraycopy(RFC5769_REQUEST, 0, big, 17, RFC5769_REQUEST.length);
        StunMessage msg = StunMessage.parse(big, 17, RFC5769_REQUEST.length);
        assertNotNull(msg);
        assertTrue(msg.verifyMessageIntegrity(PASSWORD));
        assertTrue(msg.verifyFingerprint());
        // The message is a copy: changing the buffer afterwards does not change it.
        big[17 + 30] ^= 1;
        assertTrue(msg.verifyFingerprint());
    }

    @Test
    void everySingleBitFlipIsRejectedOrFailsTheFingerprint() {
        int parsed = 0;
        for (int bit = 0; bit < RFC5769_REQUEST.length * 8; bit++) {
            byte[] copy = RFC5769_REQUEST.clone();
            copy[bit / 8] ^= (byte) (1 << (bit % 8));
            StunMessage msg = StunMessage.parse(copy, 0, copy.length);
            if (msg != null) {
                parsed++;
                assertFalse(msg.verifyFingerprint(), "fingerprint must catch bit " + bit);
            }
        }
        assertTrue(parsed > RFC5769_REQUEST.length * 8 / 2, "most flips still parse: " + parsed);
    }

    @Test
    void flippedBitInIntegrityCoveredBytesFailsIntegrity() {
        byte[] copy = RFC5769_REQUEST.clone();
        copy[54] ^= 0x04; // inside the ICE-CONTROLLED tie-breaker (value at bytes 52..59)
        StunMessage msg = StunMessage.parse(copy, 0, copy.length);
        assertNotNull(msg);
        assertFalse(msg.verifyMessageIntegrity(PASSWORD));
        assertFalse(msg.verifyFingerprint());
    }

    @Test
    void rejectsMalformedHeaders() {
        assertNull(StunMessage.parse(null, 0, 20));
        assertNull(StunMessage.parse(new byte[19], 0, 19));
        assertNull(StunMessage.parse(RFC5769_REQUEST, 0, RFC5769_REQUEST.length - 4), "length field too long");
        assertNull(StunMessage.parse(RFC5769_REQUEST, 4, RFC5769_REQUEST.length), "slice out of bounds");
        assertNull(StunMessage.parse(RFC5769_REQUEST, -1, 20));

        byte[] topBits = RFC5769_REQUEST.clone();
        topBits[0] |= (byte) 0x80;
        assertNull(StunMessage.parse(topBits, 0, topBits.length));

        byte[] cookie = RFC5769_REQUEST.clone();
        cookie[5] ^= 1;
        assertNull(StunMessage.parse(cookie, 0, cookie.length));

        byte[] odd = RFC5769_REQUEST.clone();
        odd[3] = 0x57;
        assertNull(StunMessage.parse(odd, 0, odd.length));
    }

    @Test
    void rejectsAttributesOutOfBoundsAndAttributesAfterFingerprint() {
        byte[] overrun = RFC5769_REQUEST.clone();
        overrun[23] = (byte) 0x60; // SOFTWARE length 0x0060 runs past the end
        assertNull(StunMessage.parse(overrun, 0, overrun.length));

        byte[] badIntegrityLength = RFC5769_REQUEST.clone();
        badIntegrityLength[RFC5769_REQUEST.length - 32 + 3] = 0x10;
        assertNull(StunMessage.parse(badIntegrityLength, 0, badIntegrityLength.length));

        // FINGERPRINT followed by another attribute.
        byte[] trailing = new byte[RFC5769_REQUEST.length + 4];
        System.arraycopy(RFC5769_REQUEST, 0, trailing, 0, RFC5769_REQUEST.length);
        trailing[3] = (byte) (RFC5769_REQUEST.length + 4 - 20);
        trailing[RFC5769_REQUEST.length + 1] = 0x25; // USE-CANDIDATE, length 0
        assertNull(StunMessage.parse(trailing, 0, trailing.length));
    }

    @Test
    void ignoresAttributesBetweenIntegrityAndFingerprint() {
        byte[] txId = hex("000102030405060708090a0b");
        byte[] base = StunMessages.bindingSuccess(txId, new InetSocketAddress("10.0.0.1", 5000), PASSWORD);
        // Insert USERNAME "ab" between MESSAGE-INTEGRITY and FINGERPRINT, then fix length and fingerprint.
        int fingerprintAt = base.length - 8;
        byte[] msg = new byte[base.length + 8];
        System.arraycopy(base, 0, msg, 0, fingerprintAt);
        byte[] username = hex("00060002 61620000");
        System.arraycopy(username, 0, msg, fingerprintAt, 8);
        System.arraycopy(base, fingerprintAt, msg, fingerprintAt + 8, 8);
        msg[3] = (byte) (msg.length - 20);
        int crc = StunCrypto.fingerprint(msg, 0, msg.length - 8);
        msg[msg.length - 4] = (byte) (crc >>> 24);
        msg[msg.length - 3] = (byte) (crc >>> 16);
        msg[msg.length - 2] = (byte) (crc >>> 8);
        msg[msg.length - 1] = (byte) crc;

        StunMessage parsed = StunMessage.parse(msg, 0, msg.length);
        assertNotNull(parsed);
        assertNull(parsed.username(), "attributes after MESSAGE-INTEGRITY must be ignored");
        assertTrue(parsed.verifyMessageIntegrity(PASSWORD));
        assertTrue(parsed.verifyFingerprint());
    }

    static byte[] hex(String s) {
        String digits = s.replace(" ", "");
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
