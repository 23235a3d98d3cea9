package sabaq.common.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;

import java.time.Duration;

/** Typed reads from a {@link Config} with range checks; every failure names the offending key. */
public final class ConfigValues {
    private final Config config;
    private final String prefix;

    public ConfigValues(Config config, String prefix) {
        this.config = config;
        this.prefix = prefix;
        if (!config.hasPath(prefix)) {
            throw new ConfigException.Missing(prefix);
        }
    }

    private String key(String k) {
        return prefix + "." + k;
    }

    public String string(String k) {
        return config.getString(key(k));
    }

    public String nonBlank(String k) {
        String v = string(k);
        if (v.isBlank()) throw new ConfigException.BadValue(key(k), "must not be blank");
        return v;
    }

    public boolean bool(String k) {
        return config.getBoolean(key(k));
    }

    public int intIn(String k, int min, int max) {
        int v = config.getInt(key(k));
        if (v < min || v > max) throw new ConfigException.BadValue(key(k), "must be in [" + min + ", " + max + "], was " + v);
        return v;
    }

    public long longIn(String k, long min, long max) {
        long v = config.getLong(key(k));
        if (v < min || v > max) throw new ConfigException.BadValue(key(k), "must be in [" + min + ", " + max + "], was " + v);
        return v;
    }

    public int port(String k) {
        return intIn(k, 0, 65535);
    }

    public Duration durationIn(String k, Duration min, Duration max) {
        Duration v = config.getDuration(key(k));
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            throw new ConfigException.BadValue(key(k), "must be between " + min + " and " + max + ", was " + v);
        }
        return v;
    }

    /** A bit rate such as "2500 kbps", "1.5 Mbps" or a plain number of bits per second. */
    public long bitrateIn(String k, long minBps, long maxBps) {
        String raw = config.getString(key(k)).trim().toLowerCase(java.util.Locale.ROOT);
        long v;
        try {
            v = parseBitrate(raw);
        } catch (NumberFormatException e) {
            throw new ConfigException.BadValue(key(k), "not a bit rate (e.g. 500 kbps): " + raw);
        }
        if (v < minBps || v > maxBps) {
            throw new ConfigException.BadValue(key(k), "must be in [" + minBps + ", " + maxBps + "] bps, was " + v);
        }
        return v;
    }

    static long parseBitrate(String raw) {
        String s = raw.replace(" ", "");
        double mul = 1;
        if (s.endsWith("mbps")) {
            mul = 1_000_000;
            s = s.substring(0, s.length() - 4);
        } else if (s.endsWith("kbps")) {
            mul = 1_000;
            s = s.substring(0, s.length() - 4);
        } else if (s.endsWith("bps")) {
            s = s.substring(0, s.length() - 3);
        }
        double d = Double.parseDouble(s);
        if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) throw new NumberFormatException(raw);
        return Math.round(d * mul);
    }
}
