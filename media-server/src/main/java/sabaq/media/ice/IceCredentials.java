package sabaq.media.ice;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Our side's ICE username fragment and password (RFC 8445 §5.3: ufrag ≥ 24 bits, pwd ≥ 128 bits of randomness,
 * ice-chars only). The password's UTF-8 bytes are the MESSAGE-INTEGRITY key for short-term credentials.
 */
public record IceCredentials(String ufrag, String pwd) {
    private static final char[] ICE_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    public static IceCredentials random(SecureRandom random) {
        return new IceCredentials(randomString(random, 8), randomString(random, 24));
    }

    private static String randomString(SecureRandom random, int len) {
        char[] c = new char[len];
        for (int i = 0; i < len; i++) c[i] = ICE_CHARS[random.nextInt(ICE_CHARS.length)];
        return new String(c);
    }

    public byte[] integrityKey() {
        return pwd.getBytes(StandardCharsets.UTF_8);
    }
}
