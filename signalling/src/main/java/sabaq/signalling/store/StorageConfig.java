package sabaq.signalling.store;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import sabaq.common.config.ConfigValues;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where accounts, roles, the audit log and lessons are stored: {@code sabaq.storage.cassandra.*} (defaults and meaning
 * in signalling's reference.conf). With no {@code contact-points} the launcher forks the embedded default server
 * ({@code embedded.*}); otherwise the driver connects to the given cluster with the given credentials and TLS.
 */
public record StorageConfig(
        List<InetSocketAddress> contactPoints,
        String localDatacenter,
        String keyspace,
        String replication,
        String username,
        String password,
        boolean tls,
        String truststorePath,
        String truststorePassword,
        boolean tlsHostnameValidation,
        Duration requestTimeout,
        Path embeddedDataDir,
        Path embeddedRunnerDir,
        int embeddedHeapMb,
        Duration embeddedStartTimeout) {

    public static final String PATH = "sabaq.storage.cassandra";
    private static final Pattern KEYSPACE = Pattern.compile("[a-z][a-z0-9_]{0,47}");
    private static final Pattern REPLICATION = Pattern.compile("\\{[^;{}]+}");

    public static StorageConfig from(Config config) {
        ConfigValues v = new ConfigValues(config, PATH);
        String keyspace = v.nonBlank("keyspace");
        if (!KEYSPACE.matcher(keyspace).matches()) {
            throw new ConfigException.BadValue(PATH + ".keyspace", "must be lower-case letters, digits and _ (max 48), was " + keyspace);
        }
        String replication = v.nonBlank("replication").trim();
        if (!REPLICATION.matcher(replication).matches()) {
            throw new ConfigException.BadValue(PATH + ".replication",
                    "must be a CQL map such as {'class': 'NetworkTopologyStrategy', 'dc1': 3}, was " + replication);
        }
        boolean tls = v.bool("tls.enabled");
        String truststore = v.string("tls.truststore");
        return new StorageConfig(
                contactPoints(config.getStringList(PATH + ".contact-points")),
                v.nonBlank("local-datacenter"),
                keyspace,
                replication,
                v.string("username"),
                v.string("password"),
                tls,
                truststore,
                v.string("tls.truststore-password"),
                v.bool("tls.hostname-validation"),
                v.durationIn("request-timeout", Duration.ofMillis(100), Duration.ofMinutes(10)),
                Path.of(v.nonBlank("embedded.data-dir")),
                Path.of(v.nonBlank("embedded.runner-dir")),
                v.intIn("embedded.heap-mb", 128, 65536),
                v.durationIn("embedded.start-timeout", Duration.ofSeconds(5), Duration.ofMinutes(30)));
    }

    /** True when the launcher should fork the embedded default server. */
    public boolean embedded() {
        return contactPoints.isEmpty();
    }

    /** The same settings with the given contact points (the embedded server's, once it runs). */
    public StorageConfig withContactPoints(List<InetSocketAddress> points) {
        return new StorageConfig(List.copyOf(points), localDatacenter, keyspace, replication, username, password, tls,
                truststorePath, truststorePassword, tlsHostnameValidation, requestTimeout, embeddedDataDir,
                embeddedRunnerDir, embeddedHeapMb, embeddedStartTimeout);
    }

    private static List<InetSocketAddress> contactPoints(List<String> raw) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (String s : raw) {
            String t = s.trim();
            int colon = t.lastIndexOf(':');
            int port = 9042;
            String host = t;
            if (colon > 0 && t.indexOf(':') == colon) {
                host = t.substring(0, colon);
                try {
                    port = Integer.parseInt(t.substring(colon + 1));
                } catch (NumberFormatException e) {
                    port = -1;
                }
            }
            if (host.isEmpty() || port < 1 || port > 65535) {
                throw new ConfigException.BadValue(PATH + ".contact-points", "not host or host:port: " + s);
            }
            out.add(InetSocketAddress.createUnresolved(host, port));
        }
        return List.copyOf(out);
    }

    /** Hides the password. */
    @Override
    public String toString() {
        return "StorageConfig[contactPoints=" + (contactPoints.isEmpty() ? "<embedded>" : contactPoints)
                + ", localDatacenter=" + localDatacenter + ", keyspace=" + keyspace + ", replication=" + replication
                + ", username=" + (username.isEmpty() ? "<none>" : username) + ", tls=" + tls + "]";
    }
}
