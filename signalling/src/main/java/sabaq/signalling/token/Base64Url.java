package sabaq.signalling.token;

import java.util.Base64;

/**
 * Strict unpadded base64url (RFC 4648 section 5, as JWS requires in RFC 7515 section 2): only the URL-safe alphabet,
 * no padding, no whitespace, and the unused low bits of the last character must be zero, so every byte string has
 * exactly one encoding.
 */
public final class Base64Url {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {
    }

    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** The decoded bytes, or null when {@code s} is not canonical unpadded base64url. */
    public static byte[] decode(String s) {
        if (s == null || s.length() % 4 == 1) return null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) return null;
        }
        byte[] out;
        try {
            out = DECODER.decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return ENCODER.encodeToString(out).equals(s) ? out : null;
    }
}
