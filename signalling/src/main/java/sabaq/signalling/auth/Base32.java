package sabaq.signalling.auth;

/**
 * Base32 of RFC 4648 section 6 (alphabet A-Z 2-7), the encoding authenticator apps expect for TOTP keys. Encoding
 * writes no padding; decoding accepts upper or lower case, ignores spaces and trailing '=' padding, and returns null
 * for anything else (including non-zero unused bits).
 */
public final class Base32 {
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private Base32() {
    }

    public static String encode(byte[] data) {
        StringBuilder sb = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) sb.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        return sb.toString();
    }

    /** The bytes, or null when {@code text} is not base32. */
    public static byte[] decode(String text) {
        if (text == null) return null;
        String s = text.replace(" ", "");
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') end--;
        int remainder = end % 8;
        if (remainder == 1 || remainder == 3 || remainder == 6) return null;
        byte[] out = new byte[end * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (int i = 0; i < end; i++) {
            int v = value(s.charAt(i));
            if (v < 0) return null;
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        if ((buffer & ((1 << bits) - 1)) != 0) return null;
        return out;
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a';
        if (c >= '2' && c <= '7') return c - '2' + 26;
        return -1;
    }
}
