package sabaq.signalling.auth.oidc;

import sabaq.signalling.token.Base64Url;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Proof Key for Code Exchange (RFC 7636) with the S256 method: a random {@code code_verifier} (32 bytes, 43 base64url
 * characters, section 4.1) and its {@code code_challenge} = BASE64URL(SHA-256(ASCII(verifier))) (section 4.2).
 */
public final class Pkce {
    private Pkce() {
    }

    public static String verifier(SecureRandom random) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64Url.encode(b);
    }

    public static String challenge(String verifier) {
        try {
            return Base64Url.encode(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
