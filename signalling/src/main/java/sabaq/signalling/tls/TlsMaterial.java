package sabaq.signalling.tls;

import com.typesafe.config.ConfigException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PfxOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.time.TimeSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collections;

/**
 * The key and certificate the HTTPS listener serves, loaded and checked once at start: a configured PEM pair, a
 * configured PKCS#12 keystore, or the self-signed certificate kept under {@code <data-dir>/tls}. A file that cannot be
 * used fails the start with a {@link ConfigException} naming its key. The SHA-256 fingerprint of the served
 * certificate is logged, so users of a self-signed certificate can check what their browser shows. Blocking file
 * I/O: load it off the event loop.
 *
 * @param options what Vert.x needs for {@code HttpServerOptions.setKeyCertOptions}
 * @param certificate the served (leaf) certificate
 */
public record TlsMaterial(KeyCertOptions options, X509Certificate certificate) {
    private static final Logger log = LoggerFactory.getLogger(TlsMaterial.class);

    public String fingerprintSha256() {
        return PemText.fingerprintSha256(certificate);
    }

    /** The material for {@code config}; {@code dataDir} holds the self-signed certificate. */
    public static TlsMaterial load(TlsConfig config, Path dataDir, TimeSource time) {
        TlsMaterial m;
        String source;
        if (!config.keystore().isEmpty()) {
            m = fromKeystore(config);
            source = "keystore " + config.keystore();
        } else if (!config.certificate().isEmpty()) {
            m = fromPem(config);
            source = "certificate " + config.certificate();
        } else {
            Path dir = dataDir.resolve("tls");
            try {
                SelfSignedCertificate s = SelfSignedCertificate.loadOrCreate(dir, config.selfSignedHosts(),
                        config.selfSignedValidity(), time);
                m = new TlsMaterial(new PemKeyCertOptions()
                        .addCertValue(Buffer.buffer(s.certificatePem()))
                        .addKeyValue(Buffer.buffer(s.privateKeyPem())), s.certificate());
            } catch (IOException | GeneralSecurityException e) {
                throw new ConfigException.BadValue("sabaq.signalling.data-dir",
                        "cannot keep the self-signed certificate in " + dir.toAbsolutePath() + ": " + e.getMessage());
            }
            source = "self-signed certificate " + dir.resolve(SelfSignedCertificate.CERT_FILE).toAbsolutePath();
        }
        log.info("TLS with {} (subject {}, valid until {}), SHA-256 fingerprint {}", source,
                m.certificate().getSubjectX500Principal().getName(), m.certificate().getNotAfter().toInstant(),
                m.fingerprintSha256());
        return m;
    }

    private static TlsMaterial fromPem(TlsConfig config) {
        String key = TlsConfig.PATH + ".certificate";
        byte[] certBytes = read(config.certificate(), key);
        byte[] keyBytes = read(config.privateKey(), TlsConfig.PATH + ".private-key");
        X509Certificate leaf;
        try {
            leaf = PemText.readCertificates(new String(certBytes, StandardCharsets.US_ASCII)).get(0);
        } catch (CertificateException | RuntimeException e) {
            throw new ConfigException.BadValue(key, "not a PEM certificate chain: " + e.getMessage());
        }
        String keyText = new String(keyBytes, StandardCharsets.US_ASCII);
        if (!keyText.contains("-----BEGIN") || !keyText.contains("PRIVATE KEY-----")) {
            throw new ConfigException.BadValue(TlsConfig.PATH + ".private-key", "not a PEM private key");
        }
        return new TlsMaterial(new PemKeyCertOptions()
                .addCertValue(Buffer.buffer(certBytes))
                .addKeyValue(Buffer.buffer(keyBytes)), leaf);
    }

    private static TlsMaterial fromKeystore(TlsConfig config) {
        String key = TlsConfig.PATH + ".keystore";
        byte[] bytes = read(config.keystore(), key);
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(bytes), config.keystorePassword().toCharArray());
            for (String alias : Collections.list(ks.aliases())) {
                if (!ks.isKeyEntry(alias)) continue;
                Certificate c = ks.getCertificate(alias);
                if (c instanceof X509Certificate) {
                    return new TlsMaterial(new PfxOptions().setValue(Buffer.buffer(bytes))
                            .setPassword(config.keystorePassword()), (X509Certificate) c);
                }
            }
            throw new ConfigException.BadValue(key, "holds no private key with an X.509 certificate");
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException.BadValue(key, "cannot open it as PKCS#12 with the configured password: " + e.getMessage());
        }
    }

    private static byte[] read(String path, String key) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException | RuntimeException e) {
            throw new ConfigException.BadValue(key, "cannot read " + path + ": " + e.getMessage());
        }
    }
}
