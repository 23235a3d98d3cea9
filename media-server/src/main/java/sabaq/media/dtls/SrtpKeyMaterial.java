package sabaq.media.dtls;

import java.util.Arrays;
import java.util.Objects;

/**
 * SRTP master keys and salts for both directions, as exported by DTLS-SRTP (RFC 5764 section 4.2): the exporter with
 * label "EXTRACTOR-dtls_srtp" yields {@code client_write_SRTP_master_key | server_write_SRTP_master_key |
 * client_write_SRTP_master_salt | server_write_SRTP_master_salt}. The DTLS client (the browser, since we answer
 * {@code a=setup:passive}) protects its packets with the client key and salt; the server uses the server key and salt.
 *
 * <p>The arrays are copied in and out, and {@link #toString()} never prints key bytes.
 */
public record SrtpKeyMaterial(SrtpProfile profile, byte[] clientKey, byte[] clientSalt, byte[] serverKey,
                              byte[] serverSalt) {

    public SrtpKeyMaterial {
        Objects.requireNonNull(profile, "profile");
        clientKey = checkedCopy(clientKey, profile.keyLength(), "clientKey");
        clientSalt = checkedCopy(clientSalt, profile.saltLength(), "clientSalt");
        serverKey = checkedCopy(serverKey, profile.keyLength(), "serverKey");
        serverSalt = checkedCopy(serverSalt, profile.saltLength(), "serverSalt");
    }

    /**
     * Splits exporter output laid out as RFC 5764 section 4.2 describes.
     *
     * @throws IllegalArgumentException if {@code exported} is not {@link SrtpProfile#keyingMaterialLength()} long
     */
    public static SrtpKeyMaterial fromExporter(SrtpProfile profile, byte[] exported) {
        Objects.requireNonNull(exported, "exported");
        int k = profile.keyLength();
        int s = profile.saltLength();
        if (exported.length != profile.keyingMaterialLength()) {
            throw new IllegalArgumentException(
                    "exported keying material is " + exported.length + " bytes, expected " + (2 * (k + s)));
        }
        return new SrtpKeyMaterial(profile,
                Arrays.copyOfRange(exported, 0, k),
                Arrays.copyOfRange(exported, 2 * k, 2 * k + s),
                Arrays.copyOfRange(exported, k, 2 * k),
                Arrays.copyOfRange(exported, 2 * k + s, 2 * k + 2 * s));
    }

    @Override
    public byte[] clientKey() {
        return clientKey.clone();
    }

    @Override
    public byte[] clientSalt() {
        return clientSalt.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }

    @Override
    public byte[] serverSalt() {
        return serverSalt.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SrtpKeyMaterial)) {
            return false;
        }
        SrtpKeyMaterial other = (SrtpKeyMaterial) o;
        return profile == other.profile
                && Arrays.equals(clientKey, other.clientKey)
                && Arrays.equals(clientSalt, other.clientSalt)
                && Arrays.equals(serverKey, other.serverKey)
                && Arrays.equals(serverSalt, other.serverSalt);
    }

    @Override
    public int hashCode() {
        int h = profile.hashCode();
        h = 31 * h + Arrays.hashCode(clientKey);
        h = 31 * h + Arrays.hashCode(clientSalt);
        h = 31 * h + Arrays.hashCode(serverKey);
        return 31 * h + Arrays.hashCode(serverSalt);
    }

    @Override
    public String toString() {
        return "SrtpKeyMaterial[" + profile + ", keys redacted]";
    }

    private static byte[] checkedCopy(byte[] value, int expectedLength, String name) {
        Objects.requireNonNull(value, name);
        if (value.length != expectedLength) {
            throw new IllegalArgumentException(name + " must be " + expectedLength + " bytes, got " + value.length);
        }
        return value.clone();
    }
}
