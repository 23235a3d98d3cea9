package sabaq.signalling.ops;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import sabaq.signalling.SignallingConfig;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpsConfigTest {

    private static SignallingConfig with(String overrides) {
        return SignallingConfig.from(ConfigFactory.parseString("sabaq.signalling { " + overrides + " }")
                .withFallback(ConfigFactory.defaultReference()));
    }

    private static void assertFailsNaming(String key, String overrides) {
        ConfigException e = assertThrows(ConfigException.class, () -> with(overrides));
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }

    @Test
    void defaults() {
        OpsConfig ops = SignallingConfig.defaults().ops();
        assertEquals(Duration.ofSeconds(5), ops.sampleInterval());
        assertEquals(120, ops.historySamples());
        assertEquals(List.of(), ops.diskPaths());
        assertTrue(ops.allowedNetworks().stream().anyMatch(n -> n.contains("127.0.0.1")));
        assertTrue(ops.allowedNetworks().stream().anyMatch(n -> n.contains("::1")));
        assertFalse(ops.allowedNetworks().stream().anyMatch(n -> n.contains("10.0.0.1")));
        assertTrue(ops.metricsAllowedNetworks().stream().anyMatch(n -> n.contains("127.0.0.1")));
        assertFalse(ops.alertRules().isEmpty());
    }

    @Test
    void badValuesNameTheirKey() {
        assertFailsNaming("sabaq.signalling.ops.allowed-networks", "ops.allowed-networks = [\"everyone\"]");
        assertFailsNaming("sabaq.signalling.ops.metrics-allowed-networks", "ops.metrics-allowed-networks = [\"10.0.0.0/40\"]");
        assertFailsNaming("sabaq.signalling.ops.sample-interval", "ops.sample-interval = 1 ms");
        assertFailsNaming("sabaq.signalling.ops.history-samples", "ops.history-samples = 1");
        assertFailsNaming("sabaq.signalling.ops.disk-paths[1]", "ops.disk-paths = [\"/srv\", \" \"]");
        assertFailsNaming("sabaq.signalling.ops.alerts.rules[0].condition",
                "ops.alerts.rules = [{ id = x, condition = \"cpu is high\", severity = info, "
                        + "title { kk = \"ә\", ru = \"я\", en = \"e\" } }]");
        assertFailsNaming("sabaq.signalling.data-dir", "data-dir = \" \"");
    }

    @Test
    void anEmptyRuleListAndOpenNetworksAreAllowed() {
        OpsConfig ops = with("ops.alerts.rules = [], ops.allowed-networks = [\"0.0.0.0/0\", \"::/0\"]").ops();
        assertEquals(List.of(), ops.alertRules());
        assertTrue(ops.allowedNetworks().get(0).contains("203.0.113.1"));
    }
}
