package sabaq.media.server;

import com.typesafe.config.ConfigFactory;
import sabaq.common.time.TimeSource;

/** Starts a real {@link MediaServer} on 127.0.0.1 with an ephemeral port and the given config overrides (HOCON). */
final class TestSfu {
    private TestSfu() {
    }

    static MediaServer start(String overrides) {
        MediaServerConfig config = MediaServerConfig.from(ConfigFactory.parseString("sabaq.media.port = 0\n" + overrides)
                .withFallback(ConfigFactory.defaultReference()).resolve());
        try {
            return MediaServer.start(config, TimeSource.SYSTEM);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
