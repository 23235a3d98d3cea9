package sabaq.media.sdp;

import java.util.Locale;
import java.util.Objects;

/**
 * A certificate fingerprint {@code a=fingerprint:<hash-func> <hex:hex:...>} (RFC 8122 section 5): the hash of the
 * peer's DTLS certificate, which the DTLS layer compares with the certificate the browser presents.
 */
public record Fingerprint(String algorithm, String value) {
    public Fingerprint {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(value, "value");
        if (!SdpSyntax.isHexPairs(value)) {
            throw new IllegalArgumentException("fingerprint value must be hex pairs separated by colons");
        }
    }

    /** The fingerprint bytes (the value without colons, decoded from hex). */
    public byte[] bytes() {
        String[] parts = value.split(":");
        byte[] out = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return out;
    }

    /** Compares ignoring the case of the algorithm and of the hex digits, as RFC 8122 allows both. */
    public boolean sameAs(Fingerprint other) {
        return other != null
                && algorithm.equalsIgnoreCase(other.algorithm)
                && value.toUpperCase(Locale.ROOT).equals(other.value.toUpperCase(Locale.ROOT));
    }

    static Fingerprint parse(String attributeValue, int line) throws SdpException {
        String[] parts = SdpSyntax.fields(attributeValue);
        if (parts.length != 2 || !SdpSyntax.isToken(parts[0]) || !SdpSyntax.isHexPairs(parts[1])) {
            throw new SdpException(line, "a=fingerprint must be '<hash-function> <XX:XX:...>'");
        }
        return new Fingerprint(parts[0].toLowerCase(Locale.ROOT), parts[1]);
    }
}
