package sabaq.media.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Builders round-trip through {@link StunMessage#parse} and interoperate with the RFC 5769 vectors. */
class StunMessagesTest {
    private static final byte[] TX_ID = StunMessageTest.hex("0102030405060708090a0b0c");
    private static final byte[] KEY = "F4KaPqYnKq08s1T8GwCjiIYX".getBytes(StandardCharsets.UTF_8);

    @Test
    void bindingRequestRoundTripsAndVerifiesOnlyWithTheRightKey() {
        byte[] bytes = StunMessages.bindingRequest(TX_ID, "jIZo:abcd", KEY, 2122194687L, true, true,
                0x0123456789ABCDEFL);
        assertEquals(0, bytes.length % 4);
        StunMessage msg = StunMessage.parse(bytes, 0, bytes.length);
        assertNotNull(msg);
        assertTrue(msg.isBindingRequest());
        assertArrayEquals(TX_ID, msg.transactionId());
        assertEquals("jIZo:abcd", msg.username());
        assertEquals(2122194687L, msg.priority());
        assertTrue(msg.useCandidate());
        assertTrue(msg.iceControlling());
        assertFalse(msg.iceControlled());
        assertEquals(0x0123456789ABCDEFL, msg.tieBreaker());
        assertTrue(msg.verifyMessageIntegrity(KEY));
        assertTrue(msg.verifyFingerprint());
        assertFalse(msg.verifyMessageIntegrity("F4KaPqYnKq08s1T8GwCjiIYx".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void bindingRequestWithoutNominationIsControlled() {
        byte[] bytes = StunMessages.bindingRequest(TX_ID, "a:b", KEY, 0xFFFFFFFFL, false, false, -1L);
        StunMessage msg = StunMessage.parse(bytes, 0, bytes.length);
        assertNotNull(msg);
        assertFalse(msg.useCandidate());
        assertTrue(msg.iceControlled());
        assertEquals(0xFFFFFFFFL, msg.priority());
        assertEquals(-1L, msg.tieBreaker());
        assertTrue(msg.verifyMessageIntegrity(KEY));
    }

    @Test
    void bindingSuccessIpv4RoundTrips() throws Exception {
        InetSocketAddress mapped = new InetSocketAddress(InetAddress.getByName("192.0.2.2"), 46343);
        byte[] bytes = StunMessages.bindingSuccess(TX_ID, mapped, KEY);
        StunMessage msg = StunMessage.parse(bytes, 0, bytes.length);
        assertNotNull(msg);
        assertTrue(msg.isBindingSuccess());
        assertArrayEquals(TX_ID, msg.transactionId());
        assertEquals(mapped, msg.xorMappedAddress().orElseThrow());
        assertTrue(msg.verifyMessageIntegrity(KEY));
        assertTrue(msg.verifyFingerprint());
    }

    @Test
    void bindingSuccessIpv6RoundTrips() throws Exception {
        InetSocketAddress mapped = new InetSocketAddress(InetAddress.getByName("fd00::2"), 52761);
        byte[] bytes = StunMessages.bindingSuccess(TX_ID, mapped, KEY);
        StunMessage msg = StunMessage.parse(bytes, 0, bytes.length);
        assertNotNull(msg);
        assertEquals(mapped, msg.xorMappedAddress().orElseThrow());
        assertTrue(msg.verifyMessageIntegrity(KEY));
        assertTrue(msg.verifyFingerprint());
    }

    @Test
    void bindingSuccessReproducesTheRfc5769Ipv4Attribute() throws Exception {
        InetSocketAddress mapped = new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853);
        byte[] bytes = StunMessages.bindingSuccess(StunMessageTest.TX_ID, mapped, StunMessageTest.PASSWORD);
        // XOR-MAPPED-ADDRESS is the first attribute: header 0020 0008, then 0001 a147 e112a643 as in RFC 5769 2.2.
        byte[] attribute = new byte[12];
        System.arraycopy(bytes, 20, attribute, 0, 12);
        assertArrayEquals(StunMessageTest.hex("00200008 0001a147 e112a643"), attribute);
    }

    @Test
    void bindingErrorWithAndWithoutIntegrity() {
        byte[] unauthorized = StunMessages.bindingError(TX_ID, 401, "Unauthorized", null);
        StunMessage msg = StunMessage.parse(unauthorized, 0, unauthorized.length);
        assertNotNull(msg);
        assertTrue(msg.isBindingError());
        assertEquals(401, msg.errorCode());
        assertEquals("Unauthorized", msg.errorReason());
        assertFalse(msg.hasMessageIntegrity());
        assertTrue(msg.verifyFingerprint());

        byte[] conflict = StunMessages.bindingError(TX_ID, 487, "Role Conflict", KEY);
        StunMessage conflictMsg = StunMessage.parse(conflict, 0, conflict.length);
        assertNotNull(conflictMsg);
        assertEquals(487, conflictMsg.errorCode());
        assertEquals("Role Conflict", conflictMsg.errorReason());
        assertTrue(conflictMsg.verifyMessageIntegrity(KEY));
        assertTrue(conflictMsg.verifyFingerprint());

        byte[] bad = StunMessages.bindingError(TX_ID, 400, "", null);
        StunMessage badMsg = StunMessage.parse(bad, 0, bad.length);
        assertNotNull(badMsg);
        assertEquals(400, badMsg.errorCode());
        assertEquals("", badMsg.errorReason());
    }

    @Test
    void builderRejectsProgrammingErrors() {
        InetSocketAddress mapped = new InetSocketAddress("127.0.0.1", 1);
        assertThrows(IllegalArgumentException.class, () -> StunMessages.bindingSuccess(new byte[11], mapped, KEY));
        assertThrows(IllegalArgumentException.class, () -> StunMessages.bindingSuccess(TX_ID, mapped, new byte[0]));
        assertThrows(IllegalArgumentException.class,
                () -> StunMessages.bindingSuccess(TX_ID, InetSocketAddress.createUnresolved("x", 1), KEY));
        assertThrows(IllegalArgumentException.class, () -> StunMessages.bindingError(TX_ID, 200, "OK", null));
    }

    @Test
    void looksLikeStunFollowsRfc7983() {
        for (int b = 0; b < 256; b++) {
            assertEquals(b <= 3, StunMessages.looksLikeStun((byte) b), "first byte " + b);
        }
    }

    @Test
    void parseOfTruncatedBuiltMessagesFails() {
        byte[] bytes = StunMessages.bindingRequest(TX_ID, "jIZo:abcd", KEY, 1, true, true, 1);
        for (int len = 0; len < bytes.length; len++) {
            assertNull(StunMessage.parse(bytes, 0, len), "truncated to " + len);
        }
    }
}
