package sabaq.media.stun;

import java.security.GeneralSecurityException;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two hashes of STUN: MESSAGE-INTEGRITY (HMAC-SHA1, RFC 5389 section 15.4) and FINGERPRINT (CRC-32 XOR
 * 0x5354554E, section 15.5). Both cover the message from its first byte up to the attribute, with the header's
 * length field set as if the message ended right after that attribute.
 */
final class StunCrypto {
    private static final ThreadLocal<Mac> HMAC_SHA1 = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA1");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is required by every Java platform", e);
        }
    });

    private StunCrypto() {
    }

    /**
     * HMAC-SHA1 of {@code msg[off .. off+attrStart)} where the header length field (bytes 2..3) is replaced by
     * {@code lengthField}. Returns null if the key is null or empty (an empty HMAC key cannot be used with JCE,
     * and ICE passwords are at least 22 characters).
     */
    static byte[] hmacSha1(byte[] key, byte[] msg, int off, int attrStart, int lengthField) {
        if (key == null || key.length == 0) {
            return null;
        }
        Mac mac = HMAC_SHA1.get();
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
        } catch (GeneralSecurityException e) {
            return null;
        }
        mac.update(msg, off, 2);
        mac.update((byte) (lengthField >>> 8));
        mac.update((byte) lengthField);
        mac.update(msg, off + 4, attrStart - 4);
        return mac.doFinal();
    }

    /** FINGERPRINT value of {@code msg[off .. off+attrStart)}; the caller makes sure the length field is final. */
    static int fingerprint(byte[] msg, int off, int attrStart) {
        CRC32 crc = new CRC32();
        crc.update(msg, off, attrStart);
        return (int) crc.getValue() ^ StunAttributes.FINGERPRINT_XOR;
    }

    /** Constant-time comparison of {@code expected} with {@code actual[off .. off+expected.length)}. */
    static boolean constantTimeEquals(byte[] expected, byte[] actual, int off) {
        int diff = 0;
        for (int i = 0; i < expected.length; i++) {
            diff |= expected[i] ^ actual[off + i];
        }
        return diff == 0;
    }
}
