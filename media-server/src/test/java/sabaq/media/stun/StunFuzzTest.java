package sabaq.media.stun;

import sabaq.media.testing.SeedMutator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds {@link StunMessage#parse} random bytes and mutated valid messages (bit flips, byte overwrites, truncation,
 * extension, length-field tweaks) with a fixed seed: nothing may throw and accepted messages must satisfy the
 * structural invariants and give in-range accessor values.
 */
class StunFuzzTest {
    private static final int ITERATIONS = 200_000;
    private static final byte[] KEY = "F4KaPqYnKq08s1T8GwCjiIYX".getBytes(StandardCharsets.UTF_8);

    @Test
    void parserSurvivesRandomAndMutatedInput() {
        Random random = new Random(0x57A11L);
        byte[] tx = new byte[12];
        random.nextBytes(tx);
        List<byte[]> seeds = List.of(
                StunMessageTest.RFC5769_REQUEST,
                StunMessageTest.RFC5769_IPV4_RESPONSE,
                StunMessageTest.RFC5769_IPV6_RESPONSE,
                StunMessages.bindingRequest(tx, "jIZo:abcd", KEY, 2122194687L, true, true, 42),
                StunMessages.bindingSuccess(tx, new InetSocketAddress("192.0.2.2", 46343), KEY),
                StunMessages.bindingError(tx, 487, "Role Conflict", KEY));
        byte[] buffer = new byte[700];
        int accepted = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            int off = random.nextInt(8);
            int len = mutate(random, seeds.get(random.nextInt(seeds.size())), buffer, off);
            StunMessage msg = StunMessage.parse(buffer, off, len);
            if (msg != null) {
                accepted++;
                checkInvariants(msg, len);
            }
        }
        assertTrue(accepted > ITERATIONS / 20, "mutations should often stay well formed: " + accepted);
    }

    private static void checkInvariants(StunMessage msg, int len) {
        assertEquals(len, msg.length());
        assertEquals(0, msg.length() % 4);
        assertTrue(msg.type() >= 0 && msg.type() < 0x4000);
        assertEquals(12, msg.transactionId().length);
        long priority = msg.priority();
        assertTrue(priority >= -1 && priority <= 0xFFFFFFFFL);
        int code = msg.errorCode();
        assertTrue(code == -1 || (code >= 0 && code <= 7 * 100 + 255));
        msg.username();
        msg.errorReason();
        msg.tieBreaker();
        msg.xorMappedAddress();
        msg.verifyFingerprint();
        msg.verifyMessageIntegrity(KEY);
    }

    /** Writes a mutated copy of {@code seed} (or random bytes) into {@code out} at {@code off}; returns its length. */
    private static int mutate(Random random, byte[] seed, byte[] out, int off) {
        int room = out.length - off;
        int mode = random.nextInt(6);
        if (mode == 0) {
            int len = random.nextInt(Math.min(room, 200));
            for (int i = 0; i < len; i++) {
                out[off + i] = (byte) random.nextInt(256);
            }
            if (len >= 8 && random.nextBoolean()) {
                // Random body behind a valid header start, so the attribute walker gets exercised.
                out[off] = 0;
                out[off + 1] = 1;
                out[off + 2] = (byte) ((len - 20) >>> 8);
                out[off + 3] = (byte) (len - 20);
                out[off + 4] = 0x21;
                out[off + 5] = 0x12;
                out[off + 6] = (byte) 0xA4;
                out[off + 7] = 0x42;
            }
            return len;
        }
        if (mode <= 3) {
            return SeedMutator.mutate(random, mode - 1, seed, out, off, 3, 0, 1);
        }
        if (mode == 4) {
            // Appended bytes (whole words) with the header length updated to cover them.
            int len = SeedMutator.mutate(random, 3, seed, out, off, 1, 36, 4);
            int body = len - 20;
            out[off + 2] = (byte) (body >>> 8);
            out[off + 3] = (byte) body;
            return len;
        }
        System.arraycopy(seed, 0, out, off, seed.length);
        int len = seed.length;
        // Attribute length fields get random values: the classic overrun.
        int at = 20 + 4 * random.nextInt((len - 20) / 4);
        out[off + at + 2] = (byte) random.nextInt(256);
        out[off + at + 3] = (byte) random.nextInt(256);
        return len;
    }
}
