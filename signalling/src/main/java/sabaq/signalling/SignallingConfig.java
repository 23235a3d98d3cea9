package sabaq.signalling;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import sabaq.common.config.ConfigValues;
import sabaq.signalling.ops.OpsConfig;
import sabaq.signalling.tls.TlsConfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the signalling server, read from the {@code sabaq.signalling} namespace (defaults and their meaning in
 * {@code reference.conf}). Validated when loaded: a bad value fails with a {@link ConfigException} naming the key.
 */
public record SignallingConfig(
        String host,
        int port,
        String publicBaseUrl,
        String tokenSecret,
        Duration tokenTtl,
        int maxMessageBytes,
        int maxHttpBodyBytes,
        int rateLimitPerSecond,
        int chatHistory,
        int maxParticipantsPerLesson,
        int maxLessons,
        Duration joinTimeout,
        int maxSendQueueBytes,
        Duration endedLessonRetention,
        Duration sweepInterval,
        int eventLoops,
        Path dataDir,
        TlsConfig tls,
        OpsConfig ops) {

    /** The configuration namespace. */
    public static final String PATH = "sabaq.signalling";

    /** Smallest accepted HS256 key (RFC 7518 section 3.2: a key of the same size as the hash output). */
    public static final int MIN_SECRET_BYTES = 32;

    /** Reads and validates {@code sabaq.signalling.*}; the config must already contain the defaults (see {@link #load()}). */
    public static SignallingConfig from(Config config) {
        ConfigValues v = new ConfigValues(config, PATH);
        return new SignallingConfig(
                v.nonBlank("host"),
                v.port("port"),
                baseUrl(v.string("public-base-url")),
                secret(v.string("token-secret")),
                v.durationIn("token-ttl", Duration.ofMinutes(1), Duration.ofDays(30)),
                v.intIn("max-message-bytes", 4096, 16 * 1024 * 1024),
                v.intIn("max-http-body-bytes", 1024, 16 * 1024 * 1024),
                v.intIn("rate-limit-per-second", 1, 1_000_000),
                v.intIn("chat-history", 0, 10_000),
                v.intIn("max-participants-per-lesson", 1, 100_000),
                v.intIn("max-lessons", 1, 10_000_000),
                v.durationIn("join-timeout", Duration.ofMillis(10), Duration.ofHours(1)),
                v.intIn("max-send-queue-bytes", 64 * 1024, 1024 * 1024 * 1024),
                v.durationIn("ended-lesson-retention", Duration.ZERO, Duration.ofDays(30)),
                v.durationIn("sweep-interval", Duration.ofMillis(10), Duration.ofDays(1)),
                v.intIn("event-loops", 1, 256),
                Path.of(v.nonBlank("data-dir")),
                tls(config, v.port("port")),
                OpsConfig.from(config));
    }

    /** The application config ({@code application.conf}, system properties) over {@code reference.conf}. */
    public static SignallingConfig load() {
        return from(ConfigFactory.load());
    }

    /** Only the defaults of {@code reference.conf}. */
    public static SignallingConfig defaults() {
        return from(ConfigFactory.defaultReference());
    }

    private static TlsConfig tls(Config config, int plainPort) {
        TlsConfig tls = TlsConfig.from(config);
        if (tls.enabled() && tls.plainHttp() != TlsConfig.PlainHttp.OFF && tls.port() != 0 && tls.port() == plainPort) {
            throw new ConfigException.BadValue(TlsConfig.PATH + ".port", "must differ from " + PATH + ".port (" + plainPort + ")");
        }
        return tls;
    }

    private static String baseUrl(String raw) {
        String key = PATH + ".public-base-url";
        String s = raw.trim();
        if (s.isEmpty()) return "";
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw new ConfigException.BadValue(key, "not a URL: " + e.getMessage());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new ConfigException.BadValue(key, "must start with http:// or https://, was " + s);
        }
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ConfigException.BadValue(key, "must be scheme://host[:port][/path] without query or fragment, was " + s);
        }
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        return s;
    }

    private static String secret(String s) {
        if (!s.isEmpty() && s.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new ConfigException.BadValue(PATH + ".token-secret",
                    "must be empty (random per process) or at least " + MIN_SECRET_BYTES + " bytes");
        }
        return s;
    }

    /** Hides the token secret. */
    @Override
    public String toString() {
        return "SignallingConfig[host=" + host + ", port=" + port + ", publicBaseUrl=" + publicBaseUrl
                + ", tokenSecret=" + (tokenSecret.isEmpty() ? "<random>" : "<set>") + ", tokenTtl=" + tokenTtl
                + ", maxMessageBytes=" + maxMessageBytes + ", maxHttpBodyBytes=" + maxHttpBodyBytes
                + ", rateLimitPerSecond=" + rateLimitPerSecond + ", chatHistory=" + chatHistory
                + ", maxParticipantsPerLesson=" + maxParticipantsPerLesson + ", maxLessons=" + maxLessons
                + ", joinTimeout=" + joinTimeout + ", maxSendQueueBytes=" + maxSendQueueBytes
                + ", endedLessonRetention=" + endedLessonRetention + ", sweepInterval=" + sweepInterval
                + ", eventLoops=" + eventLoops + ", dataDir=" + dataDir + ", tls=" + tls + ", ops=" + ops + "]";
    }
}
