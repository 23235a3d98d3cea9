package sabaq.signalling.tls;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM (RFC 7468) encoding of certificates and PKCS#8 private keys, and the SHA-256 fingerprint of a certificate in
 * the colon-separated hex form browsers show.
 */
public final class PemText {
    private static final Pattern PKCS8 = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private PemText() {
    }

    public static String certificate(X509Certificate cert) throws CertificateEncodingException {
        return encode("CERTIFICATE", cert.getEncoded());
    }

    public static String privateKey(PrivateKey key) {
        return encode("PRIVATE KEY", key.getEncoded());
    }

    private static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /** Every certificate in a PEM text, in order; throws when there is none or one is broken. */
    public static List<X509Certificate> readCertificates(String pem) throws CertificateException {
        Collection<? extends java.security.cert.Certificate> all = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        List<X509Certificate> out = new ArrayList<>();
        for (java.security.cert.Certificate c : all) out.add((X509Certificate) c);
        if (out.isEmpty()) throw new CertificateException("no certificate in the PEM text");
        return out;
    }

    /** The PKCS#8 private key of a PEM text ({@code BEGIN PRIVATE KEY}) for the given algorithm (e.g. "EC"). */
    public static PrivateKey readPkcs8(String pem, String algorithm) throws GeneralSecurityException {
        Matcher m = PKCS8.matcher(pem);
        if (!m.find()) throw new GeneralSecurityException("no PKCS#8 private key in the PEM text");
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(m.group(1));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("bad base64 in the private key", e);
        }
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    /** SHA-256 of the DER certificate as upper-case hex pairs joined by colons. */
    public static String fingerprintSha256(X509Certificate cert) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            StringBuilder sb = new StringBuilder();
            for (byte b : digest) {
                if (sb.length() > 0) sb.append(':');
                sb.append(String.format("%02X", b & 0xFF));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint the certificate", e);
        }
    }
}
