package sabaq.common.config;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigValuesTest {

    @Test
    void bitRatesWithUnits() {
        assertEquals(2_500_000, ConfigValues.parseBitrate("2500kbps"));
        assertEquals(1_500_000, ConfigValues.parseBitrate("1.5mbps"));
        assertEquals(64_000, ConfigValues.parseBitrate("64000"));
        assertThrows(NumberFormatException.class, () -> ConfigValues.parseBitrate("-5kbps"));
        assertThrows(NumberFormatException.class, () -> ConfigValues.parseBitrate("fast"));
    }

    @Test
    void rangeChecksNameTheKey() {
        ConfigValues v = new ConfigValues(ConfigFactory.parseString(
                "a { port = 99999, d = 5 minutes, name = \"  \", rate = \"3 Mbps\" }"), "a");
        ConfigException e = assertThrows(ConfigException.class, () -> v.port("port"));
        assertTrue(e.getMessage().contains("a.port"), e.getMessage());
        assertEquals(Duration.ofMinutes(5), v.durationIn("d", Duration.ZERO, Duration.ofHours(1)));
        assertThrows(ConfigException.class, () -> v.durationIn("d", Duration.ZERO, Duration.ofMinutes(1)));
        assertThrows(ConfigException.class, () -> v.nonBlank("name"));
        assertEquals(3_000_000, v.bitrateIn("rate", 0, 10_000_000));
        assertThrows(ConfigException.Missing.class, () -> new ConfigValues(ConfigFactory.empty(), "nope"));
    }
}
