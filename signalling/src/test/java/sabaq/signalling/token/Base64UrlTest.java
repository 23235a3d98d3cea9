package sabaq.signalling.token;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class Base64UrlTest {

    @Test
    void roundTripsAndRefusesNonCanonicalForms() {
        assertArrayEquals(new byte[0], Base64Url.decode(""));
        assertArrayEquals(new byte[]{(byte) 0xfb, (byte) 0xff}, Base64Url.decode("-_8"));
        assertNull(Base64Url.decode("-_8="), "padding");
        assertNull(Base64Url.decode("+/8"), "standard alphabet");
        assertNull(Base64Url.decode("-_9"), "non-zero unused bits");
        assertNull(Base64Url.decode("A"), "impossible length");
        assertNull(Base64Url.decode("AA AA"), "whitespace");
        assertNull(Base64Url.decode(null));
    }

    @Test
    void fuzz() {
        Random r = new Random(11);
        String alphabet = "ABCDEFabcdef0123456789-_+/= \n";
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes = new byte[r.nextInt(40)];
            r.nextBytes(bytes);
            String encoded = Base64Url.encode(bytes);
            assertArrayEquals(bytes, Base64Url.decode(encoded));
            StringBuilder junk = new StringBuilder();
            for (int k = r.nextInt(20); k > 0; k--) junk.append(alphabet.charAt(r.nextInt(alphabet.length())));
            byte[] decoded = Base64Url.decode(junk.toString());
            if (decoded != null) assertEquals(junk.toString(), Base64Url.encode(decoded), () -> Arrays.toString(decoded));
        }
    }
}
