package sabaq.media.dtls;

import java.util.Optional;

/**
 * SRTP protection profiles negotiated by the DTLS use_srtp extension (RFC 5764 section 4.1.2, RFC 7714 section 14.2),
 * with the master key and salt lengths that the DTLS exporter must produce for each.
 */
public enum SrtpProfile {
    /** SRTP_AES128_CM_HMAC_SHA1_80: AES-128 counter mode, 80-bit HMAC-SHA1 tag (RFC 3711). */
    AES_CM_128_HMAC_SHA1_80(0x0001, 16, 14),
    /** SRTP_AEAD_AES_128_GCM: AES-128 GCM with a 128-bit tag (RFC 7714). */
    AEAD_AES_128_GCM(0x0007, 16, 12);

    private final int protectionProfileId;
    private final int keyLength;
    private final int saltLength;

    SrtpProfile(int protectionProfileId, int keyLength, int saltLength) {
        this.protectionProfileId = protectionProfileId;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
    }

    /** The two-byte SRTPProtectionProfile value carried in use_srtp. */
    public int protectionProfileId() {
        return protectionProfileId;
    }

    /** Master key length in bytes. */
    public int keyLength() {
        return keyLength;
    }

    /** Master salt length in bytes. */
    public int saltLength() {
        return saltLength;
    }

    /** Bytes to export for both directions: {@code 2 * (keyLength + saltLength)} (RFC 5764 section 4.2). */
    public int keyingMaterialLength() {
        return 2 * (keyLength + saltLength);
    }

    public static Optional<SrtpProfile> byProtectionProfileId(int id) {
        for (SrtpProfile p : values()) {
            if (p.protectionProfileId == id) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
