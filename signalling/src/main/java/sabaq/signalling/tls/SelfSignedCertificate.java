package sabaq.signalling.tls;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.time.TimeSource;
import sabaq.signalling.ops.IpNetwork;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The self-signed certificate of the embedded default: an ECDSA P-256 key and an X.509 v3 certificate (RFC 5280)
 * whose subject alternative names are the configured hosts (DNS names and IP addresses), for TLS server
 * authentication. It is kept as {@code self-signed.crt.pem} and {@code self-signed.key.pem} (owner-only) in a
 * directory and reused while it parses, matches the hosts and has more than a tenth of its validity left; otherwise a
 * new one replaces it. Blocking file I/O: call it off the event loop.
 */
public final class SelfSignedCertificate {
    private static final Logger log = LoggerFactory.getLogger(SelfSignedCertificate.class);
    static final String CERT_FILE = "self-signed.crt.pem";
    static final String KEY_FILE = "self-signed.key.pem";

    private final String certificatePem;
    private final String privateKeyPem;
    private final X509Certificate certificate;

    private SelfSignedCertificate(String certificatePem, String privateKeyPem, X509Certificate certificate) {
        this.certificatePem = certificatePem;
        this.privateKeyPem = privateKeyPem;
        this.certificate = certificate;
    }

    public String certificatePem() {
        return certificatePem;
    }

    public String privateKeyPem() {
        return privateKeyPem;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate in {@code dir}, or a new one written there. */
    public static SelfSignedCertificate loadOrCreate(Path dir, List<String> hosts, Duration validity, TimeSource time)
            throws IOException, GeneralSecurityException {
        Path certPath = dir.resolve(CERT_FILE);
        Path keyPath = dir.resolve(KEY_FILE);
        if (Files.isRegularFile(certPath) && Files.isRegularFile(keyPath)) {
            String certPem = Files.readString(certPath, StandardCharsets.US_ASCII);
            String keyPem = Files.readString(keyPath, StandardCharsets.US_ASCII);
            String unusable = unusable(certPem, keyPem, hosts, time.epochMillis());
            if (unusable == null) {
                return new SelfSignedCertificate(certPem, keyPem, PemText.readCertificates(certPem).get(0));
            }
            log.info("replacing the self-signed certificate in {}: {}", dir, unusable);
        }
        SelfSignedCertificate created = generate(hosts, validity, time);
        Files.createDirectories(dir);
        writeAtomically(keyPath, created.privateKeyPem, true);
        writeAtomically(certPath, created.certificatePem, false);
        log.info("generated a self-signed TLS certificate for {} in {}", hosts, dir);
        return created;
    }

    /** A new key pair and certificate valid from an hour ago (clock skew) for {@code validity}. */
    public static SelfSignedCertificate generate(List<String> hosts, Duration validity, TimeSource time)
            throws GeneralSecurityException {
        SecureRandom random = new SecureRandom();
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"), random);
        KeyPair keys = gen.generateKeyPair();
        long now = time.epochMillis();
        X500Name subject = new X500Name("CN=Sabaq self-signed (" + hosts.get(0) + ")");
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, random),
                    new Date(now - Duration.ofHours(1).toMillis()), new Date(now + validity.toMillis()), subject, keys.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names(hosts)));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new SelfSignedCertificate(PemText.certificate(cert), PemText.privateKey(keys.getPrivate()), cert);
        } catch (OperatorCreationException | IOException e) {
            throw new GeneralSecurityException("cannot build the self-signed certificate", e);
        }
    }

    private static GeneralName[] names(List<String> hosts) {
        List<GeneralName> names = new ArrayList<>();
        for (String h : hosts) {
            names.add(IpNetwork.parseAddress(h) != null ? new GeneralName(GeneralName.iPAddress, h)
                    : new GeneralName(GeneralName.dNSName, h));
        }
        return names.toArray(new GeneralName[0]);
    }

    /** Why a stored certificate cannot be reused, or null when it can. */
    static String unusable(String certPem, String keyPem, List<String> hosts, long nowMillis) {
        X509Certificate cert;
        try {
            cert = PemText.readCertificates(certPem).get(0);
            PrivateKey key = PemText.readPkcs8(keyPem, "EC");
            if (key == null) return "no private key";
        } catch (GeneralSecurityException | RuntimeException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
        long from = cert.getNotBefore().getTime();
        long until = cert.getNotAfter().getTime();
        if (nowMillis < from) return "not valid yet";
        if (until - nowMillis < (until - from) / 10) return "expires on " + cert.getNotAfter().toInstant();
        Set<String> names = new HashSet<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) for (List<?> san : sans) names.add(normalize(String.valueOf(san.get(1))));
        } catch (GeneralSecurityException e) {
            return "unreadable names";
        }
        Set<String> wanted = new HashSet<>();
        for (String h : hosts) wanted.add(normalize(h));
        return names.equals(wanted) ? null : "made for " + names + ", configured " + wanted;
    }

    private static String normalize(String host) {
        byte[] ip = IpNetwork.parseAddress(host);
        if (ip == null) return host.toLowerCase(java.util.Locale.ROOT);
        try {
            return java.net.InetAddress.getByAddress(ip).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return host;
        }
    }

    private static void writeAtomically(Path target, String text, boolean secret) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (secret && posix) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
