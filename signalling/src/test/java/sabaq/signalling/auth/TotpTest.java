package sabaq.signalling.auth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TotpTest {
    /** RFC 6238 appendix B, SHA-1 seed. */
    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    /** The RFC's 8-digit values truncated to our 6 digits (dynamic truncation modulo 10^6 = the last six digits). */
    @Test
    void rfc6238TestVectors() {
        long[] times = {59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L};
        String[] rfc8 = {"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"};
        for (int i = 0; i < times.length; i++) {
            assertEquals(rfc8[i].substring(2), Totp.code(SEED, Totp.step(times[i] * 1000L)), "T=" + times[i]);
        }
        assertEquals(1, Totp.step(59_999L));
        assertEquals(2, Totp.step(60_000L));
    }

    @Test
    void codesOfTheNeighbouringStepsAreAcceptedAndNoOthers() {
        long now = 1_700_000_015_000L;
        long step = Totp.step(now);
        assertEquals(step, Totp.match(SEED, Totp.code(SEED, step), now, 1));
        assertEquals(step - 1, Totp.match(SEED, Totp.code(SEED, step - 1), now, 1));
        assertEquals(step + 1, Totp.match(SEED, Totp.code(SEED, step + 1), now, 1));
        assertEquals(-1, Totp.match(SEED, Totp.code(SEED, step + 2), now, 1));
        assertEquals(-1, Totp.match(SEED, Totp.code(SEED, step - 1), now, 0));
        assertEquals(-1, Totp.match("another key 01234567".getBytes(StandardCharsets.US_ASCII), Totp.code(SEED, step), now, 1));
    }

    @Test
    void malformedCodesNeverMatch() {
        long now = 1_700_000_000_000L;
        String good = Totp.code(SEED, Totp.step(now));
        for (String bad : new String[] {null, "", "12345", "1234567", " " + good.substring(1), "١٢٣٤٥٦", good + "\n", "12 456"}) {
            assertEquals(-1, Totp.match(SEED, bad, now, 1), String.valueOf(bad));
        }
        Random rnd = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            byte[] b = new byte[rnd.nextInt(9)];
            rnd.nextBytes(b);
            long m = Totp.match(SEED, new String(b, StandardCharsets.ISO_8859_1), now, 1);
            assertTrue(m == -1 || Math.abs(m - Totp.step(now)) <= 1);
        }
    }

    @Test
    void otpauthUriForAuthenticatorApps() {
        String uri = Totp.uri("Sabaq", "aigerim.b@school.kz", SEED);
        assertEquals("otpauth://totp/Sabaq:aigerim.b%40school.kz?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Sabaq"
                + "&algorithm=SHA1&digits=6&period=30", uri);
        assertTrue(Totp.uri("Мектеп Sabaq", "a", SEED).startsWith("otpauth://totp/%D0%9C%D0%B5%D0%BA%D1%82%D0%B5%D0%BF%20Sabaq:a?"));
    }
}
