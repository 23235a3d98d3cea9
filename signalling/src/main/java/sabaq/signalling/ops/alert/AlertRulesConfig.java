package sabaq.signalling.ops.alert;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the alert rules list (a HOCON list of objects, see signalling's reference.conf). Any mistake fails with a
 * {@link ConfigException} naming the exact key, e.g. {@code sabaq.signalling.ops.alerts.rules[2].condition}.
 */
public final class AlertRulesConfig {
    /** Languages every title must have (those of the web client). */
    public static final List<String> LANGUAGES = List.of("kk", "ru", "en");
    public static final int MAX_TITLE = 200;
    public static final int MAX_RULES = 200;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Set<String> RULE_KEYS = Set.of("id", "condition", "severity", "title");

    private AlertRulesConfig() {
    }

    /** The rules at {@code path} (a list of objects). */
    public static List<AlertRule> read(Config config, String path) {
        List<? extends Config> items = config.getConfigList(path);
        if (items.size() > MAX_RULES) throw new ConfigException.BadValue(path, "at most " + MAX_RULES + " rules");
        List<AlertRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            AlertRule rule = rule(items.get(i), path + "[" + i + "]");
            if (!ids.add(rule.id())) {
                throw new ConfigException.BadValue(path + "[" + i + "].id", "duplicate rule id '" + rule.id() + "'");
            }
            rules.add(rule);
        }
        return List.copyOf(rules);
    }

    private static AlertRule rule(Config c, String key) {
        for (String k : c.root().keySet()) {
            if (!RULE_KEYS.contains(k)) {
                throw new ConfigException.BadValue(key + "." + k, "unknown key; a rule has " + RULE_KEYS);
            }
        }
        String id = string(c, key, "id");
        if (!ID.matcher(id).matches()) {
            throw new ConfigException.BadValue(key + ".id", "must be 1-64 of a-z 0-9 - _ starting with a letter or digit, was '" + id + "'");
        }
        AlertCondition condition;
        try {
            condition = AlertCondition.parse(string(c, key, "condition"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException.BadValue(key + ".condition", "rule '" + id + "': " + e.getMessage());
        }
        if (AlertMetrics.scopeOf(condition.metric()).isEmpty()) {
            throw new ConfigException.BadValue(key + ".condition", "rule '" + id + "': unknown metric '"
                    + condition.metric() + "' (see docs/operations.md for the list)");
        }
        String severityText = string(c, key, "severity");
        Severity severity = Severity.fromWire(severityText).orElseThrow(() -> new ConfigException.BadValue(
                key + ".severity", "rule '" + id + "': must be info, warning or critical, was '" + severityText + "'"));
        return new AlertRule(id, condition, severity, titles(c, key));
    }

    private static Map<String, String> titles(Config c, String key) {
        if (!c.hasPath("title")) throw new ConfigException.Missing(key + ".title");
        Config t;
        try {
            t = c.getConfig("title");
        } catch (ConfigException.WrongType e) {
            throw new ConfigException.BadValue(key + ".title", "must be an object { kk = \"...\", ru = \"...\", en = \"...\" }");
        }
        Map<String, String> titles = new LinkedHashMap<>();
        for (String k : t.root().keySet()) {
            if (!LANGUAGES.contains(k)) throw new ConfigException.BadValue(key + ".title." + k, "languages are " + LANGUAGES);
        }
        for (String lang : LANGUAGES) {
            String text = string(t, key + ".title", lang).trim();
            if (text.isEmpty() || text.length() > MAX_TITLE) {
                throw new ConfigException.BadValue(key + ".title." + lang, "must be 1 to " + MAX_TITLE + " characters");
            }
            titles.put(lang, text);
        }
        return titles;
    }

    private static String string(Config c, String key, String name) {
        if (!c.hasPath(name)) throw new ConfigException.Missing(key + "." + name);
        try {
            return c.getString(name);
        } catch (ConfigException.WrongType e) {
            throw new ConfigException.BadValue(key + "." + name, "must be a string");
        }
    }
}
