package sabaq.signalling.footprint;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FootprintSettingsTest {
    private static Config with(String hocon) {
        return ConfigFactory.parseString("sabaq.signalling.footprint { " + hocon + " }")
                .withFallback(ConfigFactory.defaultReference()).resolve();
    }

    @Test
    void defaultsAndOverrides() {
        FootprintSettings d = FootprintSettings.defaults();
        assertEquals(Duration.ofSeconds(30), d.qualityInterval());
        assertEquals(20, d.watchReportsPerMinute());
        FootprintSettings s = FootprintSettings.from(with("quality-interval = 5 s, watch-reports-per-minute = 3"));
        assertEquals(Duration.ofSeconds(5), s.qualityInterval());
        assertEquals(3, s.watchReportsPerMinute());
    }

    @Test
    void badOrMissingValuesFailNamingTheKey() {
        for (String bad : new String[] {"quality-interval = 10 ms", "quality-interval = banana", "watch-reports-per-minute = 0"}) {
            ConfigException e = assertThrows(ConfigException.class, () -> FootprintSettings.from(with(bad)), bad);
            assertTrue(e.getMessage().contains(bad.substring(0, bad.indexOf(' '))), e.getMessage());
        }
        Config without = ConfigFactory.defaultReference().withoutPath(FootprintSettings.PATH + ".quality-interval");
        assertThrows(ConfigException.Missing.class, () -> FootprintSettings.from(without));
    }
}
