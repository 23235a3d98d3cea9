package sabaq.media.bot;

import org.junit.jupiter.api.Test;
import sabaq.media.stun.StunMessage;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** The fuzz test sends mutated Binding requests from strangers' addresses: none may ever authenticate. */
class GarbageDatagramsTest {
    @Test
    void mutatedBindingRequestsNeverVerify() {
        GarbageDatagrams g = new GarbageDatagrams(9);
        byte[] key = "a-real-password-of-24-ch".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 20_000; i++) {
            byte[] d = g.mutatedBindingRequest("sfu:bot", "a-real-password-of-24-ch");
            StunMessage m = StunMessage.parse(d, 0, d.length);
            assertFalse(m != null && m.hasMessageIntegrity() && m.verifyMessageIntegrity(key), "sample " + i);
        }
    }
}
