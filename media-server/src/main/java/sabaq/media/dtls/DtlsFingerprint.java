package sabaq.media.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A certificate fingerprint as carried by the SDP attribute {@code a=fingerprint:<hash-func> <hex>} (RFC 8122
 * section 5, formerly RFC 4572): the hash of the DER certificate, written as uppercase hex byte pairs joined by
 * colons. DTLS-SRTP (RFC 5763 section 5) authenticates each peer by comparing its certificate to this value.
 *
 * <p>Supported hash functions: sha-1, sha-256, sha-384, sha-512 (names are case-insensitive).
 */
public final class DtlsFingerprint {

    private static final String[] SDP_NAMES = {"sha-1", "sha-256", "sha-384", "sha-512"};
    private static final String[] JDK_NAMES = {"SHA-1", "SHA-256", "SHA-384", "SHA-512"};
    private static final int[] DIGEST_LENGTHS = {20, 32, 48, 64};
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final int algorithmIndex;
    private final byte[] bytes;

    private DtlsFingerprint(int algorithmIndex, byte[] bytes) {
        this.algorithmIndex = algorithmIndex;
        this.bytes = bytes;
    }

    /**
     * Builds a fingerprint from an algorithm name and digest bytes.
     *
     * @throws IllegalArgumentException for an unsupported algorithm or a digest of the wrong length
     */
    public static DtlsFingerprint of(String algorithm, byte[] digest) {
        Objects.requireNonNull(digest, "digest");
        int index = algorithmIndex(Objects.requireNonNull(algorithm, "algorithm"));
        if (index < 0) {
            throw new IllegalArgumentException("unsupported fingerprint algorithm: " + algorithm);
        }
        if (digest.length != DIGEST_LENGTHS[index]) {
            throw new IllegalArgumentException(algorithm + " digest must be " + DIGEST_LENGTHS[index] + " bytes");
        }
        return new DtlsFingerprint(index, digest.clone());
    }

    /** The SHA-256 fingerprint of a DER-encoded certificate. */
    public static DtlsFingerprint sha256Of(byte[] certDer) {
        return new DtlsFingerprint(1, digest(1, Objects.requireNonNull(certDer, "certDer")));
    }

    /**
     * Parses the value of an {@code a=fingerprint} attribute, e.g. {@code "sha-256 AB:CD:..."}. Lowercase hex is
     * accepted. Returns empty for anything malformed, for an unsupported algorithm and for a digest of the wrong
     * length; never throws.
     */
    public static Optional<DtlsFingerprint> parse(String sdpValue) {
        if (sdpValue == null) {
            return Optional.empty();
        }
        String value = sdpValue.strip();
        int space = indexOfWhitespace(value);
        if (space <= 0) {
            return Optional.empty();
        }
        int index = algorithmIndex(value.substring(0, space));
        if (index < 0) {
            return Optional.empty();
        }
        String hex = value.substring(space).strip();
        int expected = DIGEST_LENGTHS[index];
        if (hex.length() != expected * 3 - 1) {
            return Optional.empty();
        }
        byte[] digest = new byte[expected];
        for (int i = 0; i < expected; i++) {
            int pos = i * 3;
            if (i > 0 && hex.charAt(pos - 1) != ':') {
                return Optional.empty();
            }
            int hi = Character.digit(hex.charAt(pos), 16);
            int lo = Character.digit(hex.charAt(pos + 1), 16);
            if (hi < 0 || lo < 0 || !isAsciiHex(hex.charAt(pos)) || !isAsciiHex(hex.charAt(pos + 1))) {
                return Optional.empty();
            }
            digest[i] = (byte) (hi << 4 | lo);
        }
        return Optional.of(new DtlsFingerprint(index, digest));
    }

    /** The SDP hash function name, lowercase ({@code "sha-256"}). */
    public String algorithm() {
        return SDP_NAMES[algorithmIndex];
    }

    /** The digest bytes (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Whether the certificate hashes to this fingerprint (constant-time comparison). */
    public boolean matches(byte[] certDer) {
        if (certDer == null) {
            return false;
        }
        return MessageDigest.isEqual(bytes, digest(algorithmIndex, certDer));
    }

    /** The digest as SDP writes it: uppercase hex pairs joined by colons. */
    public String hex() {
        StringBuilder sb = new StringBuilder(bytes.length * 3);
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(HEX[(bytes[i] >> 4) & 0xF]).append(HEX[bytes[i] & 0xF]);
        }
        return sb.toString();
    }

    /** The whole attribute value, {@code "sha-256 AB:CD:..."}. */
    public String toSdpValue() {
        return algorithm() + ' ' + hex();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DtlsFingerprint)) {
            return false;
        }
        DtlsFingerprint other = (DtlsFingerprint) o;
        return algorithmIndex == other.algorithmIndex && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * algorithmIndex + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "DtlsFingerprint[" + toSdpValue() + "]";
    }

    private static int algorithmIndex(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < SDP_NAMES.length; i++) {
            if (SDP_NAMES[i].equals(lower)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isAsciiHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static byte[] digest(int algorithmIndex, byte[] data) {
        try {
            return MessageDigest.getInstance(JDK_NAMES[algorithmIndex]).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + JDK_NAMES[algorithmIndex], e);
        }
    }
}
