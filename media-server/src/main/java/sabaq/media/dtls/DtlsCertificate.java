package sabaq.media.dtls;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

import sabaq.common.time.TimeSource;

/**
 * The self-signed certificate a DTLS-SRTP endpoint presents (RFC 5763 section 5: WebRTC peers use self-signed
 * certificates and authenticate them through the SDP {@code a=fingerprint}). An EC P-256 key signed with
 * SHA256withECDSA, subject and issuer {@code CN=sabaq}, valid from 30 days ago until one year ahead.
 *
 * <p>Generation costs milliseconds, so one instance is shared by every session of a server. Immutable and thread safe.
 */
public final class DtlsCertificate {

    static final Duration VALID_BEFORE = Duration.ofDays(30);
    static final Duration VALID_AFTER = Duration.ofDays(365);
    private static final String SUBJECT = "CN=sabaq";

    private final BcTlsCrypto crypto;
    private final byte[] der;
    private final Certificate tlsCertificate;
    private final AsymmetricKeyParameter privateKey;
    private final DtlsFingerprint fingerprint;
    private final Instant notBefore;
    private final Instant notAfter;

    private DtlsCertificate(BcTlsCrypto crypto, byte[] der, AsymmetricKeyParameter privateKey, Instant notBefore,
                            Instant notAfter) throws IOException {
        this.crypto = crypto;
        this.der = der;
        this.tlsCertificate = new Certificate(new TlsCertificate[] {crypto.createCertificate(der)});
        this.privateKey = privateKey;
        this.fingerprint = DtlsFingerprint.sha256Of(der);
        this.notBefore = notBefore;
        this.notAfter = notAfter;
    }

    /** Generates a fresh key pair and certificate, valid around the current wall-clock time. */
    public static DtlsCertificate generate() {
        return generate(TimeSource.SYSTEM);
    }

    /** Generates a fresh key pair and certificate, valid around {@code clock.epochMillis()}. */
    public static DtlsCertificate generate(TimeSource clock) {
        SecureRandom random = new SecureRandom();
        Instant now = Instant.ofEpochMilli(clock.epochMillis());
        Instant notBefore = now.minus(VALID_BEFORE);
        Instant notAfter = now.plus(VALID_AFTER);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair keyPair = generator.generateKeyPair();
            X500Name name = new X500Name(SUBJECT);
            BigInteger serial = new BigInteger(63, random).add(BigInteger.ONE);
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name, serial, Date.from(notBefore),
                    Date.from(notAfter), name, keyPair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").setSecureRandom(random)
                            .build(keyPair.getPrivate()));
            return new DtlsCertificate(new BcTlsCrypto(random), holder.getEncoded(),
                    PrivateKeyFactory.createKey(keyPair.getPrivate().getEncoded()), notBefore, notAfter);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot generate the DTLS certificate", e);
        }
    }

    /** The SHA-256 fingerprint digits for SDP, {@code "AB:CD:..."} (uppercase hex pairs joined by colons). */
    public String fingerprintSha256() {
        return fingerprint.hex();
    }

    /** The SHA-256 fingerprint as a value ({@code toSdpValue()} gives {@code "sha-256 AB:CD:..."}). */
    public DtlsFingerprint fingerprint() {
        return fingerprint;
    }

    /** The DER encoding of the X.509 certificate (a copy). */
    public byte[] der() {
        return der.clone();
    }

    /** The certificate as a Bouncy Castle TLS chain of one. */
    public Certificate tlsCertificate() {
        return tlsCertificate;
    }

    /** The EC private key as a Bouncy Castle lightweight key parameter. */
    public AsymmetricKeyParameter privateKey() {
        return privateKey;
    }

    /** The Bouncy Castle crypto the certificate was loaded into; sessions sign and key-exchange with it. */
    public BcTlsCrypto crypto() {
        return crypto;
    }

    public Instant notBefore() {
        return notBefore;
    }

    public Instant notAfter() {
        return notAfter;
    }

    @Override
    public String toString() {
        return "DtlsCertificate[" + SUBJECT + ", " + fingerprint.toSdpValue() + ", until " + notAfter + "]";
    }
}
