package sabaq.signalling.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * Time-based one-time passwords, RFC 6238 with the parameters every authenticator app uses: HMAC-SHA1, 30-second
 * steps counted from the Unix epoch, 6 digits (the HOTP dynamic truncation of RFC 4226 section 5.3). A code is checked
 * against the current step and {@code window} steps either side (clock drift, RFC 6238 section 6); replay protection
 * (each step accepted once) is the caller's, through the account store.
 */
public final class Totp {
    public static final int DIGITS = 6;
    public static final long STEP_SECONDS = 30;
    /** 160-bit keys, as RFC 4226 section 4 recommends for HMAC-SHA1. */
    public static final int KEY_BYTES = 20;

    private Totp() {
    }

    /** The time step of an instant. */
    public static long step(long epochMillis) {
        return Math.floorDiv(epochMillis, STEP_SECONDS * 1000L);
    }

    /** The code of a step, zero-padded to {@value #DIGITS} digits. */
    public static String code(byte[] key, long step) {
        byte[] h = hmacSha1(key, step);
        int offset = h[h.length - 1] & 0x0f;
        int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
                | (h[offset + 3] & 0xff);
        String digits = Integer.toString(binary % 1_000_000);
        return "0".repeat(DIGITS - digits.length()) + digits;
    }

    /**
     * The step (within {@code window} of now) whose code equals {@code code}, or -1. Codes that are not exactly
     * {@value #DIGITS} ASCII digits never match. Every candidate is compared in constant time.
     */
    public static long match(byte[] key, String code, long epochMillis, int window) {
        if (code == null || code.length() != DIGITS) return -1;
        for (int i = 0; i < DIGITS; i++) if (code.charAt(i) < '0' || code.charAt(i) > '9') return -1;
        long now = step(epochMillis);
        long found = -1;
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        for (long s = now - window; s <= now + window; s++) {
            if (MessageDigest.isEqual(given, code(key, s).getBytes(StandardCharsets.US_ASCII))) found = s;
        }
        return found;
    }

    /**
     * The {@code otpauth://totp/} URI authenticator apps import (Key Uri Format): label {@code issuer:account},
     * base32 secret, issuer, algorithm, digits and period.
     */
    public static String uri(String issuer, String account, byte[] key) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + Base32.encode(key) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] hmacSha1(byte[] key, long counter) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] msg = new byte[8];
            for (int i = 7; i >= 0; i--) {
                msg[i] = (byte) counter;
                counter >>>= 8;
            }
            return mac.doFinal(msg);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }
}
