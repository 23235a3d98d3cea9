package sabaq.signalling.footprint;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import sabaq.common.config.ConfigValues;

import java.time.Duration;

/**
 * How signalling emits the digital footprint, from {@code sabaq.signalling.footprint} (defaults and meaning in
 * reference.conf): at most one connection-quality sample per participant per {@code qualityInterval}, and at most
 * {@code watchReportsPerMinute} recording-watched reports per join link per minute.
 */
public record FootprintSettings(Duration qualityInterval, int watchReportsPerMinute) {
    public static final String PATH = "sabaq.signalling.footprint";

    public static FootprintSettings from(Config config) {
        ConfigValues v = new ConfigValues(config, PATH);
        return new FootprintSettings(v.durationIn("quality-interval", Duration.ofSeconds(1), Duration.ofHours(1)),
                v.intIn("watch-reports-per-minute", 1, 10_000));
    }

    public static FootprintSettings defaults() {
        return from(ConfigFactory.defaultReference());
    }
}
