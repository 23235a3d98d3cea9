package sabaq.media.dtls;

import java.util.Arrays;
import java.util.List;

import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;

/** The DTLS 1.2 parameters both of our peers use, as WebRTC browsers do (RFC 8827 section 6.5). */
final class DtlsParameters {

    /** ECDHE with ECDSA certificates and AEAD ciphers only, in order of preference. */
    static final int[] CIPHER_SUITES = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
    };

    /** How our ECDSA P-256 certificate key signs (ecdsa_secp256r1_sha256). */
    static final SignatureAndHashAlgorithm ECDSA_SHA256 =
            new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);

    /** Authentication tag of every suite above (GCM and Poly1305). */
    static final int AEAD_TAG_LENGTH = 16;
    /** AES-GCM records carry an 8-byte explicit nonce (RFC 5288 section 3); ChaCha20-Poly1305 does not (RFC 7905). */
    private static final int GCM_EXPLICIT_NONCE_LENGTH = 8;

    private DtlsParameters() {
    }

    /** The first profile of {@code preference} that the peer offered, or null. */
    static SrtpProfile chooseProfile(List<SrtpProfile> preference, int[] offeredIds) {
        if (offeredIds == null) {
            return null;
        }
        for (SrtpProfile p : preference) {
            for (int id : offeredIds) {
                if (id == p.protectionProfileId()) {
                    return p;
                }
            }
        }
        return null;
    }

    /**
     * Bouncy Castle fails the whole connection (decode_error) on a protected record shorter than its cipher can
     * authenticate, instead of discarding it as RFC 6347 section 4.1.2.7 asks, so such records are filtered out first.
     */
    static int minimumProtectedRecordLength(int cipherSuite) {
        return cipherSuite == CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256
                ? AEAD_TAG_LENGTH : GCM_EXPLICIT_NONCE_LENGTH + AEAD_TAG_LENGTH;
    }

    static int[] profileIds(List<SrtpProfile> profiles) {
        return profiles.stream().mapToInt(SrtpProfile::protectionProfileId).toArray();
    }

    static String describeIds(int[] ids) {
        return ids == null ? "none" : Arrays.toString(ids);
    }
}
