package sabaq.studio.yaml;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A read-only view of a YAML document (parsed with SnakeYAML's safe constructor: plain maps, lists and scalars, no
 * object instantiation, duplicate keys refused) whose typed getters fail with a {@link DefinitionException} naming
 * the file and the path of the bad value, e.g. {@code workflows/lesson.yaml: operations[2].with.profile: missing}.
 */
public final class YamlNode {
    private final String source;
    private final String path;
    private final Object value;

    private YamlNode(String source, String path, Object value) {
        this.source = source;
        this.path = path;
        this.value = value;
    }

    /** Parses one document. {@code source} names it in error messages. */
    public static YamlNode parse(String source, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(1 << 20);
        Object root;
        try {
            root = new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            throw new DefinitionException(source + ": not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
        return new YamlNode(source, "", root);
    }

    public String source() {
        return source;
    }

    public String path() {
        return path.isEmpty() ? "(document)" : path;
    }

    public DefinitionException error(String message) {
        return new DefinitionException(source + ": " + path() + ": " + message);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private Map<?, ?> asMap() {
        if (!(value instanceof Map)) throw error("must be a mapping");
        return (Map<?, ?>) value;
    }

    public boolean isMap() {
        return value instanceof Map;
    }

    public boolean has(String key) {
        return value instanceof Map && ((Map<?, ?>) value).get(key) != null;
    }

    /** The value under {@code key}; a missing key is an error. */
    public YamlNode get(String key) {
        Object v = asMap().get(key);
        if (v == null) throw new YamlNode(source, child(key), null).error("missing");
        return new YamlNode(source, child(key), v);
    }

    public Optional<YamlNode> opt(String key) {
        Object v = asMap().get(key);
        return v == null ? Optional.empty() : Optional.of(new YamlNode(source, child(key), v));
    }

    /** Refuses keys other than {@code allowed} (catches typos such as "wiht"). */
    public YamlNode only(Set<String> allowed) {
        for (Object k : asMap().keySet()) {
            if (!allowed.contains(String.valueOf(k))) {
                throw new YamlNode(source, child(String.valueOf(k)), null).error("unknown key (allowed: " + allowed + ")");
            }
        }
        return this;
    }

    public String string() {
        if (value instanceof Map || value instanceof List || value == null) throw error("must be a plain value");
        return String.valueOf(value);
    }

    public String string(String key) {
        return get(key).string();
    }

    public String string(String key, String fallback) {
        return opt(key).map(YamlNode::string).orElse(fallback);
    }

    public double number() {
        if (value instanceof Number) return ((Number) value).doubleValue();
        try {
            return Double.parseDouble(string());
        } catch (NumberFormatException e) {
            throw error("must be a number, was " + value);
        }
    }

    public double number(String key, double fallback) {
        return opt(key).map(YamlNode::number).orElse(fallback);
    }

    public boolean bool(String key, boolean fallback) {
        Optional<YamlNode> n = opt(key);
        if (n.isEmpty()) return fallback;
        Object v = n.get().value;
        if (v instanceof Boolean) return (Boolean) v;
        throw n.get().error("must be true or false");
    }

    public List<YamlNode> list() {
        if (!(value instanceof List)) throw error("must be a list");
        List<YamlNode> out = new ArrayList<>();
        List<?> l = (List<?>) value;
        for (int i = 0; i < l.size(); i++) out.add(new YamlNode(source, path + "[" + i + "]", l.get(i)));
        return out;
    }

    public List<YamlNode> list(String key) {
        return opt(key).map(YamlNode::list).orElse(List.of());
    }

    /** A list of plain values. */
    public List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        for (YamlNode n : list(key)) out.add(n.string());
        return Collections.unmodifiableList(out);
    }

    /** A mapping of plain values, in document order. */
    public Map<String, String> stringMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        Optional<YamlNode> n = opt(key);
        if (n.isEmpty()) return out;
        for (Map.Entry<?, ?> e : n.get().asMap().entrySet()) {
            out.put(String.valueOf(e.getKey()), new YamlNode(source, n.get().child(String.valueOf(e.getKey())), e.getValue()).string());
        }
        return out;
    }

    /** The keys of a mapping, in document order. */
    public List<String> keys() {
        List<String> out = new ArrayList<>();
        for (Object k : asMap().keySet()) out.add(String.valueOf(k));
        return out;
    }
}
