package sabaq.signalling.auth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class Base32Test {
    /** RFC 4648 section 10 (our encoder writes no padding). */
    @Test
    void rfc4648TestVectors() {
        String[][] v = {{"", ""}, {"f", "MY"}, {"fo", "MZXQ"}, {"foo", "MZXW6"}, {"foob", "MZXW6YQ"},
            {"fooba", "MZXW6YTB"}, {"foobar", "MZXW6YTBOI"}};
        for (String[] p : v) {
            assertEquals(p[1], Base32.encode(p[0].getBytes(StandardCharsets.US_ASCII)));
            assertArrayEquals(p[0].getBytes(StandardCharsets.US_ASCII), Base32.decode(p[1]));
        }
        assertArrayEquals("foobar".getBytes(StandardCharsets.US_ASCII), Base32.decode("MZXW6YTBOI======"));
        assertArrayEquals("foobar".getBytes(StandardCharsets.US_ASCII), Base32.decode("mzxw 6ytb oi"));
    }

    @Test
    void refusesWhatIsNotBase32() {
        for (String bad : new String[] {null, "M", "MZX", "MZXW6Y", "MZ0=", "MZ1Q", "MZ!Q", "MZXR"}) {
            assertNull(Base32.decode(bad), String.valueOf(bad));
        }
    }

    @Test
    void roundTripsAndFuzz() {
        Random rnd = new Random(4648);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[rnd.nextInt(40)];
            rnd.nextBytes(b);
            assertArrayEquals(b, Base32.decode(Base32.encode(b)));
            char[] junk = new char[rnd.nextInt(20)];
            for (int k = 0; k < junk.length; k++) junk[k] = (char) (32 + rnd.nextInt(95));
            byte[] d = Base32.decode(new String(junk));
            if (d != null) assertEquals(Arrays.toString(d), Arrays.toString(Base32.decode(Base32.encode(d))));
        }
    }
}
