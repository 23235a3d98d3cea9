package sabaq.studio.encoding;

import sabaq.studio.yaml.DefinitionException;
import sabaq.studio.yaml.YamlNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An encoding profile: FFmpeg settings as data (studio/src/main/resources/encoding/{id}.yaml), never FFmpeg strings
 * in Java. A profile has default {@code parameters}, named {@code filters} (filter-graph fragments), named
 * {@code arguments} (argument lists for an input or output), all templated with {@code ${parameter}}, plus plain
 * {@code values} and {@code sets} (lists of parameter sets such as a ladder's renditions). Parameters are
 * resolved from, in order of precedence: the values an operation computes (sizes, measured loudness), the workflow
 * step's configuration, {@code sabaq.studio.profile-parameters.<id>}, and the profile's defaults.
 *
 * <pre>
 * id: thumbnail
 * parameters: { width: "640", quality: "4" }
 * arguments:
 *   output: ["-frames:v", "1", "-vf", "scale=${width}:-2", "-q:v", "${quality}"]
 * </pre>
 */
public final class EncodingProfile {
    private static final Set<String> KEYS = Set.of("id", "description", "parameters", "filters", "arguments", "values", "sets");

    private final String id;
    private final String description;
    private final Map<String, String> defaults;
    private final Map<String, Template> filters;
    private final Map<String, List<Template>> arguments;
    private final Map<String, String> values;
    private final Map<String, List<Map<String, String>>> sets;

    private EncodingProfile(String id, String description, Map<String, String> defaults, Map<String, Template> filters,
                            Map<String, List<Template>> arguments, Map<String, String> values,
                            Map<String, List<Map<String, String>>> sets) {
        this.id = id;
        this.description = description;
        this.defaults = defaults;
        this.filters = filters;
        this.arguments = arguments;
        this.values = values;
        this.sets = sets;
    }

    /** Parses a profile document; {@code expectedId} must match its {@code id}. */
    public static EncodingProfile parse(String source, String expectedId, String yaml) {
        YamlNode root = YamlNode.parse(source, yaml).only(KEYS);
        String id = root.string("id");
        if (!id.equals(expectedId)) throw root.get("id").error("must be '" + expectedId + "' (the file name), was '" + id + "'");
        Map<String, String> defaults = Collections.unmodifiableMap(new LinkedHashMap<>(root.stringMap("parameters")));
        Map<String, Template> filters = new LinkedHashMap<>();
        root.stringMap("filters").forEach((k, v) -> filters.put(k, Template.parse(source + ": filters." + k, v)));
        Map<String, List<Template>> arguments = new LinkedHashMap<>();
        if (root.has("arguments")) {
            YamlNode args = root.get("arguments");
            for (String name : args.keys()) {
                List<Template> list = new ArrayList<>();
                for (YamlNode a : args.get(name).list()) list.add(Template.parse(source + ": arguments." + name, a.string()));
                arguments.put(name, Collections.unmodifiableList(list));
            }
        }
        Map<String, String> values = Collections.unmodifiableMap(new LinkedHashMap<>(root.stringMap("values")));
        Map<String, List<Map<String, String>>> sets = new LinkedHashMap<>();
        if (root.has("sets")) {
            YamlNode s = root.get("sets");
            for (String name : s.keys()) {
                List<Map<String, String>> list = new ArrayList<>();
                for (YamlNode item : s.get(name).list()) {
                    Map<String, String> m = new LinkedHashMap<>();
                    for (String k : item.keys()) m.put(k, item.get(k).string());
                    list.add(Collections.unmodifiableMap(m));
                }
                sets.put(name, Collections.unmodifiableList(list));
            }
        }
        return new EncodingProfile(id, root.string("description", ""), defaults, Collections.unmodifiableMap(filters),
                Collections.unmodifiableMap(arguments), values, Collections.unmodifiableMap(sets));
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The profile's default parameters. */
    public Map<String, String> defaults() {
        return defaults;
    }

    /**
     * Plain data of the profile that is not an FFmpeg argument (e.g. rendition names and sizes), read by operations.
     * A value may itself be templated.
     */
    public String value(String name, Map<String, String> params) {
        String v = values.get(name);
        if (v == null) throw new DefinitionException(id + ": no value '" + name + "'");
        return Template.parse(id + ": values." + name, v).render(params);
    }

    /**
     * A list of parameter sets (e.g. the renditions of a ladder: name, width, height, bit rate), each a map of plain
     * values to merge into the parameters when rendering per-item arguments.
     */
    public List<Map<String, String>> set(String name) {
        List<Map<String, String>> s = sets.get(name);
        if (s == null) throw new DefinitionException("encoding profile " + id + " has no set '" + name + "'");
        return s;
    }

    public boolean hasFilter(String name) {
        return filters.containsKey(name);
    }

    /** A filter-graph fragment with its parameters filled. */
    public String filter(String name, Map<String, String> params) {
        Template t = filters.get(name);
        if (t == null) throw new DefinitionException("encoding profile " + id + " has no filter '" + name + "'");
        return t.render(params);
    }

    public boolean hasArguments(String name) {
        return arguments.containsKey(name);
    }

    /** An argument list with its parameters filled. */
    public List<String> arguments(String name, Map<String, String> params) {
        List<Template> t = arguments.get(name);
        if (t == null) throw new DefinitionException("encoding profile " + id + " has no argument list '" + name + "'");
        List<String> out = new ArrayList<>(t.size());
        for (Template a : t) out.add(a.render(params));
        return out;
    }

    @Override
    public String toString() {
        return "EncodingProfile[" + id + "]";
    }
}
