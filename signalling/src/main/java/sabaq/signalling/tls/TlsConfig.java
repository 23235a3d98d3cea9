package sabaq.signalling.tls;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import sabaq.common.config.ConfigValues;
import sabaq.signalling.ops.IpNetwork;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * TLS settings ({@code sabaq.signalling.tls}): whether HTTPS/WSS is served and on which port, the certificate (PEM
 * certificate chain + private key, or a PKCS#12 keystore; neither means a self-signed certificate kept in the data
 * directory), and what the plain HTTP port does.
 *
 * @param enabled serve HTTPS and WSS on {@code port}
 * @param port the TLS port; 0 picks a free port (tests)
 * @param plainHttp what the plain HTTP port ({@code sabaq.signalling.port}) does
 * @param certificate path of a PEM certificate chain, or empty
 * @param privateKey path of its PEM private key (PKCS#8, or PKCS#1 RSA), or empty
 * @param keystore path of a PKCS#12 keystore holding the key and chain, or empty
 * @param keystorePassword the keystore's password
 * @param selfSignedHosts DNS names and IP addresses the generated certificate is valid for
 * @param selfSignedValidity how long a generated certificate is valid
 */
public record TlsConfig(boolean enabled, int port, PlainHttp plainHttp, String certificate, String privateKey,
                        String keystore, String keystorePassword, List<String> selfSignedHosts,
                        Duration selfSignedValidity) {
    public static final String PATH = "sabaq.signalling.tls";
    private static final Pattern DNS_NAME = Pattern.compile("(?=.{1,253}$)([a-zA-Z0-9*]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)"
            + "(\\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*");

    /** The role of the plain HTTP port. */
    public enum PlainHttp {
        /** The whole application over HTTP as well (fine on loopback, which browsers treat as a secure context). */
        SERVE,
        /** Every request is redirected (308) to the same path on HTTPS; /healthz and /readyz are still answered. */
        REDIRECT,
        /** No plain HTTP listener. */
        OFF
    }

    public TlsConfig {
        selfSignedHosts = List.copyOf(selfSignedHosts);
    }

    /** True when the certificate is generated (TLS on and no certificate or keystore configured). */
    public boolean selfSigned() {
        return enabled && certificate.isEmpty() && keystore.isEmpty();
    }

    public static TlsConfig from(Config config) {
        ConfigValues v = new ConfigValues(config, PATH);
        boolean enabled = v.bool("enabled");
        String plainText = v.string("plain-http").trim().toLowerCase(Locale.ROOT);
        PlainHttp plain;
        try {
            plain = PlainHttp.valueOf(plainText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException.BadValue(PATH + ".plain-http", "must be serve, redirect or off, was '" + plainText + "'");
        }
        if (!enabled && plain != PlainHttp.SERVE) {
            throw new ConfigException.BadValue(PATH + ".plain-http", "must be serve while " + PATH + ".enabled = false");
        }
        String cert = v.string("certificate").trim();
        String key = v.string("private-key").trim();
        String keystore = v.string("keystore").trim();
        if (cert.isEmpty() != key.isEmpty()) {
            throw new ConfigException.BadValue(PATH + (cert.isEmpty() ? ".certificate" : ".private-key"),
                    "certificate and private-key are set together");
        }
        if (!cert.isEmpty() && !keystore.isEmpty()) {
            throw new ConfigException.BadValue(PATH + ".keystore", "set either keystore or certificate + private-key, not both");
        }
        if (enabled) {
            readable(cert, "certificate");
            readable(key, "private-key");
            readable(keystore, "keystore");
        }
        List<String> hosts = config.getStringList(PATH + ".self-signed.hosts");
        if (hosts.isEmpty()) throw new ConfigException.BadValue(PATH + ".self-signed.hosts", "must name at least one host");
        for (String h : hosts) {
            if (IpNetwork.parseAddress(h) == null && !DNS_NAME.matcher(h).matches()) {
                throw new ConfigException.BadValue(PATH + ".self-signed.hosts", "'" + h + "' is neither a DNS name nor an IP address");
            }
        }
        return new TlsConfig(enabled, v.port("port"), plain, cert, key, keystore, v.string("keystore-password"),
                hosts, v.durationIn("self-signed.validity", Duration.ofDays(1), Duration.ofDays(3650)));
    }

    private static void readable(String path, String name) {
        if (path.isEmpty()) return;
        Path p = Path.of(path);
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new ConfigException.BadValue(PATH + "." + name, "no readable file at " + p.toAbsolutePath());
        }
    }

    /** Hides the keystore password. */
    @Override
    public String toString() {
        return "TlsConfig[enabled=" + enabled + ", port=" + port + ", plainHttp=" + plainHttp + ", certificate=" + certificate
                + ", privateKey=" + privateKey + ", keystore=" + keystore + ", keystorePassword="
                + (keystorePassword.isEmpty() ? "<empty>" : "<set>") + ", selfSignedHosts=" + selfSignedHosts
                + ", selfSignedValidity=" + selfSignedValidity + "]";
    }
}
