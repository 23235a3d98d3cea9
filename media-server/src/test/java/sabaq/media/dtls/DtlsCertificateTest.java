package sabaq.media.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;

import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.junit.jupiter.api.Test;

import sabaq.common.time.FakeTimeSource;

class DtlsCertificateTest {

    @Test
    void selfSignedP256CertificateWithSdpFingerprint() throws Exception {
        FakeTimeSource clock = new FakeTimeSource();
        DtlsCertificate certificate = DtlsCertificate.generate(clock);
        X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate.der()));

        assertEquals("CN=sabaq", x509.getSubjectX500Principal().getName());
        assertEquals(x509.getSubjectX500Principal(), x509.getIssuerX500Principal());
        assertEquals("SHA256withECDSA", x509.getSigAlgName());
        x509.verify(x509.getPublicKey());
        assertEquals(256, ((ECPublicKey) x509.getPublicKey()).getParams().getCurve().getField().getFieldSize());
        assertTrue(certificate.privateKey() instanceof ECPrivateKeyParameters);
        assertTrue(certificate.privateKey().isPrivate());

        Instant now = Instant.ofEpochMilli(clock.epochMillis());
        assertEquals(now.minus(Duration.ofDays(30)).getEpochSecond(), x509.getNotBefore().toInstant().getEpochSecond());
        assertEquals(now.plus(Duration.ofDays(365)).getEpochSecond(), x509.getNotAfter().toInstant().getEpochSecond());

        String fingerprint = certificate.fingerprintSha256();
        assertTrue(fingerprint.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), fingerprint);
        assertTrue(DtlsFingerprint.parse("sha-256 " + fingerprint).orElseThrow().matches(x509.getEncoded()));
        assertEquals(1, certificate.tlsCertificate().getLength());
        assertEquals(fingerprint, DtlsFingerprint.sha256Of(certificate.tlsCertificate().getCertificateAt(0)
                .getEncoded()).hex());
    }

    @Test
    void eachGenerationIsANewKey() {
        DtlsCertificate a = DtlsCertificate.generate();
        DtlsCertificate b = DtlsCertificate.generate();
        assertNotEquals(a.fingerprintSha256(), b.fingerprintSha256());
        assertFalse(a.fingerprint().matches(b.der()));
    }
}
