package sabaq.signalling.auth;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {
    private final PasswordHasher small = new PasswordHasher(new PasswordHasher.Params(64, 1, 1), new SecureRandom());

    /**
     * The Argon2id reference implementation's test vector (phc-winner-argon2 test.c: version 0x13, t=2, m=2^16, p=1,
     * password "password", salt "somesalt"), in the PHC string format the reference CLI prints.
     */
    @Test
    void verifiesTheReferenceImplementationsHash() {
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertTrue(small.verify("password", reference));
        assertFalse(small.verify("Password", reference));
    }

    @Test
    void hashesVerifyAndAreSalted() {
        String h1 = small.hash("Сәлем, әлем! 123");
        String h2 = small.hash("Сәлем, әлем! 123");
        assertTrue(h1.startsWith("$argon2id$v=19$m=64,t=1,p=1$"), h1);
        assertNotEquals(h1, h2, "a fresh salt each time");
        assertTrue(small.verify("Сәлем, әлем! 123", h1));
        assertTrue(small.verify("Сәлем, әлем! 123", h2));
        assertFalse(small.verify("Сәлем, әлем! 124", h1));
        assertFalse(small.verify("", h1));
    }

    @Test
    void olderParametersStillVerifyAndAskForARehash() {
        PasswordHasher stronger = new PasswordHasher(new PasswordHasher.Params(128, 2, 1), new SecureRandom());
        String old = small.hash("pässword-1");
        assertTrue(stronger.verify("pässword-1", old));
        assertTrue(stronger.needsRehash(old));
        assertFalse(stronger.needsRehash(stronger.hash("x")));
        assertTrue(stronger.needsRehash("not a hash"));
    }

    @Test
    void malformedStoredStringsNeverVerifyNorThrow() {
        String good = small.hash("secret-pass");
        String[] bad = {
            null, "", "$argon2i$v=19$m=64,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=16$m=64,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=9999999,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=4,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=64,t=0,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            good + "=", good.replace("$argon2id", "$argon2id$"),
        };
        for (String s : bad) assertFalse(small.verify("secret-pass", s), String.valueOf(s));
        assertFalse(small.verify(null, good));
    }

    /** Random and mutated stored strings: no exception escapes, nothing but the real hash verifies. */
    @Test
    void fuzzedStoredStrings() {
        String good = small.hash("secret-pass");
        Random rnd = new Random(20261123);
        String alphabet = "$argon2idv=19mtp,0123456789ABCabc+/";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder(good);
            int edits = 1 + rnd.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int pos = rnd.nextInt(s.length());
                switch (rnd.nextInt(3)) {
                    case 0 -> s.setCharAt(pos, alphabet.charAt(rnd.nextInt(alphabet.length())));
                    case 1 -> s.deleteCharAt(pos);
                    default -> s.insert(pos, alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
            }
            String mutated = s.toString();
            if (mutated.equals(good)) continue;
            boolean ok = small.verify("secret-pass", mutated);
            if (ok) assertTrue(mutated.matches(".*m=64,t=1,p=1.*"), "only cosmetic edits could still verify: " + mutated);
        }
    }
}
