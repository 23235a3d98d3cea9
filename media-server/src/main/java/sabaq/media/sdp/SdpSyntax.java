package sabaq.media.sdp;

import java.util.ArrayList;
import java.util.List;

/** Lexical rules shared by the parser and the answer builder (RFC 8866 section 9 grammar, plus RFC 8839/8851 ids). */
final class SdpSyntax {
    private static final String[] NO_FIELDS = new String[0];
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`{|}~";

    private SdpSyntax() {
    }

    /** Splits on runs of spaces or tabs; an empty or blank value gives no fields. */
    static String[] fields(String value) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && isBlank(value.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isBlank(value.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(value.substring(start, i));
            }
        }
        return out.isEmpty() ? NO_FIELDS : out.toArray(NO_FIELDS);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** RFC 8866 {@code token}: visible ASCII except separators. Used for mids, msid ids, attribute names. */
    static boolean isToken(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAlphaNum(c) && TOKEN_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** RFC 8851 {@code rid-id}: letters, digits, '-' and '_'. */
    static boolean isRidId(String s) {
        if (s.isEmpty() || s.length() > 255) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAlphaNum(c) && c != '-' && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** RFC 8839 {@code ice-char}: letters, digits, '+' and '/', with a length between min and 256. */
    static boolean isIceString(String s, int minLength) {
        if (s == null || s.length() < minLength || s.length() > 256) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAlphaNum(c) && c != '+' && c != '/') {
                return false;
            }
        }
        return true;
    }

    /** Hex byte pairs separated by colons, e.g. {@code 0F:64:1E} (RFC 8122 fingerprint). */
    static boolean isHexPairs(String s) {
        if (s == null || s.length() < 2 || s.length() % 3 != 2) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = i % 3 == 2 ? c == ':' : Character.digit(c, 16) >= 0 && c < 128;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static int parseInt(String s, int min, int max, int line, String what) throws SdpException {
        long v = parseDigits(s, line, what);
        if (v < min || v > max) {
            throw new SdpException(line, what + " out of range " + min + ".." + max + ": " + abbreviate(s));
        }
        return (int) v;
    }

    /** An unsigned 32-bit number such as an SSRC (RFC 3550 section 5.1). */
    static long parseUnsigned32(String s, int line, String what) throws SdpException {
        long v = parseDigits(s, line, what);
        if (v > 0xFFFF_FFFFL) {
            throw new SdpException(line, what + " is larger than 32 bits: " + abbreviate(s));
        }
        return v;
    }

    private static long parseDigits(String s, int line, String what) throws SdpException {
        if (s.isEmpty() || s.length() > 12) {
            throw new SdpException(line, "bad " + what + ": '" + abbreviate(s) + "'");
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new SdpException(line, "bad " + what + ": '" + abbreviate(s) + "'");
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Shortens untrusted text for an error message and hides control characters. */
    static String abbreviate(String s) {
        String shortened = s.length() > 60 ? s.substring(0, 60) + "..." : s;
        StringBuilder out = new StringBuilder(shortened.length());
        for (int i = 0; i < shortened.length(); i++) {
            char c = shortened.charAt(i);
            out.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        return out.toString();
    }

    private static boolean isAlphaNum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
