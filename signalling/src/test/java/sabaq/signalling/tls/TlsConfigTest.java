package sabaq.signalling.tls;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sabaq.signalling.SignallingConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TlsConfigTest {
    @TempDir
    Path dir;

    private static SignallingConfig with(String overrides) {
        return SignallingConfig.from(ConfigFactory.parseString("sabaq.signalling { " + overrides + " }")
                .withFallback(ConfigFactory.defaultReference()));
    }

    private static void assertFailsNaming(String key, String overrides) {
        ConfigException e = assertThrows(ConfigException.class, () -> with(overrides));
        assertTrue(e.getMessage().contains("sabaq.signalling.tls." + key), e.getMessage());
    }

    @Test
    void theEmbeddedDefaultServesHttpAndHttpsWithASelfSignedCertificate() {
        TlsConfig tls = SignallingConfig.defaults().tls();
        assertTrue(tls.enabled());
        assertTrue(tls.selfSigned());
        assertEquals(8443, tls.port());
        assertEquals(TlsConfig.PlainHttp.SERVE, tls.plainHttp());
        assertEquals(List.of("localhost", "127.0.0.1", "::1"), tls.selfSignedHosts());
        assertEquals(Duration.ofDays(825), tls.selfSignedValidity());
        assertEquals(Path.of("data"), SignallingConfig.defaults().dataDir());
    }

    @Test
    void configuredFilesMustExist() throws Exception {
        Path cert = Files.writeString(dir.resolve("c.pem"), "x");
        Path key = Files.writeString(dir.resolve("k.pem"), "x");
        TlsConfig tls = with("tls.certificate = \"" + cert + "\", tls.private-key = \"" + key + "\"").tls();
        assertFalse(tls.selfSigned());
        assertFailsNaming("certificate", "tls.certificate = \"" + dir.resolve("missing.pem") + "\", tls.private-key = \"" + key + "\"");
        assertFailsNaming("keystore", "tls.keystore = \"" + dir + "\"");
        assertFalse(with("tls.enabled = false, tls.keystore = \"" + dir.resolve("missing.p12") + "\"").tls().enabled(),
                "files are not checked while TLS is off");
    }

    @Test
    void inconsistentSettingsNameTheirKey() throws Exception {
        Path cert = Files.writeString(dir.resolve("c.pem"), "x");
        assertFailsNaming("private-key", "tls.certificate = \"" + cert + "\"");
        assertFailsNaming("certificate", "tls.private-key = \"" + cert + "\"");
        assertFailsNaming("keystore", "tls.certificate = \"" + cert + "\", tls.private-key = \"" + cert
                + "\", tls.keystore = \"" + cert + "\"");
        assertFailsNaming("plain-http", "tls.plain-http = sometimes");
        assertFailsNaming("plain-http", "tls.enabled = false, tls.plain-http = redirect");
        assertFailsNaming("port", "tls.port = 70000");
        assertFailsNaming("port", "port = 9000, tls.port = 9000");
        assertFailsNaming("self-signed.hosts", "tls.self-signed.hosts = []");
        assertFailsNaming("self-signed.hosts", "tls.self-signed.hosts = [\"bad host\"]");
        assertFailsNaming("self-signed.validity", "tls.self-signed.validity = 1 hour");
        assertEquals(TlsConfig.PlainHttp.OFF, with("port = 9000, tls.port = 9000, tls.plain-http = off").tls().plainHttp(),
                "the same port is fine when plain HTTP is off");
    }

    @Test
    void theKeystorePasswordIsNotPrinted() {
        assertFalse(with("tls.keystore-password = \"hunter2-secret\"").toString().contains("hunter2"));
    }
}
