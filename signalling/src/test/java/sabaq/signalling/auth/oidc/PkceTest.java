package sabaq.signalling.auth.oidc;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PkceTest {
    /** RFC 7636 appendix B. */
    @Test
    void rfc7636Example() {
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void verifiersAreRandomAndOfTheRightShape() {
        SecureRandom r = new SecureRandom();
        String a = Pkce.verifier(r);
        assertEquals(43, a.length());
        assertTrue(a.matches("[A-Za-z0-9_-]{43}"));
        assertNotEquals(a, Pkce.verifier(r));
    }
}
