package sabaq.signalling.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sabaq.common.time.FakeTimeSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelfSignedCertificateTest {
    private static final List<String> HOSTS = List.of("localhost", "127.0.0.1", "::1");
    @TempDir
    Path dir;
    private final FakeTimeSource clock = new FakeTimeSource();

    @Test
    void aNewCertificateNamesTheHostsAndIsForServerAuthentication() throws Exception {
        SelfSignedCertificate s = SelfSignedCertificate.generate(HOSTS, Duration.ofDays(30), clock);
        X509Certificate c = s.certificate();
        c.verify(c.getPublicKey());
        Set<String> names = new HashSet<>();
        for (List<?> san : c.getSubjectAlternativeNames()) names.add(san.get(0) + "=" + san.get(1));
        assertEquals(Set.of("2=localhost", "7=127.0.0.1", "7=0:0:0:0:0:0:0:1"), names);
        assertTrue(c.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
        assertEquals(-1, c.getBasicConstraints(), "not a CA");
        assertEquals(clock.epochMillis() + Duration.ofDays(30).toMillis(), c.getNotAfter().getTime(), 1000);
        assertTrue(s.privateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----"));
        assertEquals(64 + 31, PemText.fingerprintSha256(c).length());
    }

    @Test
    void isKeptAndReusedThenReplacedWhenTheHostsChangeOrItNearsExpiry() throws Exception {
        SelfSignedCertificate first = SelfSignedCertificate.loadOrCreate(dir, HOSTS, Duration.ofDays(100), clock);
        Path key = dir.resolve(SelfSignedCertificate.KEY_FILE);
        assertTrue(Files.isRegularFile(dir.resolve(SelfSignedCertificate.CERT_FILE)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));

        SelfSignedCertificate again = SelfSignedCertificate.loadOrCreate(dir, HOSTS, Duration.ofDays(100), clock);
        assertEquals(first.certificate(), again.certificate(), "reused at the next start");

        SelfSignedCertificate renamed = SelfSignedCertificate.loadOrCreate(dir, List.of("sabaq.local"), Duration.ofDays(100), clock);
        assertNotEquals(first.certificate(), renamed.certificate(), "new hosts, new certificate");

        clock.advance(Duration.ofDays(91));
        SelfSignedCertificate late = SelfSignedCertificate.loadOrCreate(dir, List.of("sabaq.local"), Duration.ofDays(100), clock);
        assertNotEquals(renamed.certificate(), late.certificate(), "replaced with less than a tenth of its validity left");
    }

    @Test
    void brokenFilesAreReplaced() throws Exception {
        SelfSignedCertificate.loadOrCreate(dir, HOSTS, Duration.ofDays(100), clock);
        Files.writeString(dir.resolve(SelfSignedCertificate.KEY_FILE), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        SelfSignedCertificate replaced = SelfSignedCertificate.loadOrCreate(dir, HOSTS, Duration.ofDays(100), clock);
        assertNull(SelfSignedCertificate.unusable(replaced.certificatePem(), replaced.privateKeyPem(), HOSTS, clock.epochMillis()));
        assertTrue(SelfSignedCertificate.unusable("garbage", replaced.privateKeyPem(), HOSTS, clock.epochMillis()).startsWith("unreadable"));
    }
}
