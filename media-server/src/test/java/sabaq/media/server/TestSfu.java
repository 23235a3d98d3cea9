package sabaq.media.server;

import com.typesafe.config.ConfigFactory;
import sabaq.common.time.TimeSource;

/**
 * Starts a real {@link MediaServer} on 127.0.0.1 with an ephemeral port and the given config overrides (HOCON).
 * The bots send no transport-cc feedback, so subscribers start unconstrained here (the bandwidth estimator and
 * allocator have their own tests); a test may override it.
 */
final class TestSfu {
    private TestSfu() {
    }

    static MediaServer start(String overrides) {
        MediaServerConfig config = MediaServerConfig.from(ConfigFactory.parseString("sabaq.media.port = 0\n"
                        + "sabaq.media.bandwidth.subscriber-start-bitrate = 8 Mbps\n" + overrides)
                .withFallback(ConfigFactory.defaultReference()).resolve());
        try {
            return MediaServer.start(config, TimeSource.SYSTEM);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
