package sabaq.signalling.ops;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import sabaq.common.config.ConfigValues;
import sabaq.signalling.ops.alert.AlertRule;
import sabaq.signalling.ops.alert.AlertRulesConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of monitoring and operations ({@code sabaq.signalling.ops}, documented in reference.conf and
 * docs/operations.md): who may reach the operations page and the Prometheus endpoint, how often figures are sampled
 * and alert rules evaluated, and the rules.
 *
 * @param allowedNetworks networks whose clients the default {@link OpsAccess} lets see the operations page and API
 * @param metricsAllowedNetworks networks allowed to scrape {@code /metrics}
 * @param sampleInterval how often figures are sampled and the alert rules evaluated
 * @param historySamples samples kept for the charts of the operations page
 * @param diskPaths extra paths whose file systems are watched, besides the data directory and the working directory
 * @param alertRules the alert rules
 */
public record OpsConfig(List<IpNetwork> allowedNetworks, List<IpNetwork> metricsAllowedNetworks, Duration sampleInterval,
                        int historySamples, List<String> diskPaths, List<AlertRule> alertRules) {
    public static final String PATH = "sabaq.signalling.ops";

    public OpsConfig {
        allowedNetworks = List.copyOf(allowedNetworks);
        metricsAllowedNetworks = List.copyOf(metricsAllowedNetworks);
        diskPaths = List.copyOf(diskPaths);
        alertRules = List.copyOf(alertRules);
    }

    public static OpsConfig from(Config config) {
        ConfigValues v = new ConfigValues(config, PATH);
        List<String> disks = config.getStringList(PATH + ".disk-paths");
        for (int i = 0; i < disks.size(); i++) {
            if (disks.get(i).isBlank()) throw new ConfigException.BadValue(PATH + ".disk-paths[" + i + "]", "must not be blank");
        }
        return new OpsConfig(
                networks(config, "allowed-networks"),
                networks(config, "metrics-allowed-networks"),
                v.durationIn("sample-interval", Duration.ofMillis(20), Duration.ofMinutes(10)),
                v.intIn("history-samples", 2, 10_000),
                disks,
                AlertRulesConfig.read(config, PATH + ".alerts.rules"));
    }

    private static List<IpNetwork> networks(Config config, String name) {
        String key = PATH + "." + name;
        List<String> raw = config.getStringList(key);
        List<IpNetwork> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String item = raw.get(i);
            out.add(IpNetwork.parse(item).orElseThrow(() -> new ConfigException.BadValue(key,
                    "'" + item + "' is not an IP network such as 127.0.0.0/8 or ::1/128")));
        }
        return out;
    }
}
