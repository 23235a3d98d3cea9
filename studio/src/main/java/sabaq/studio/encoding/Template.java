package sabaq.studio.encoding;

import sabaq.studio.yaml.DefinitionException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A string with {@code ${name}} placeholders (names of lower-case letters, digits and '-'), parsed once. Rendering
 * with a parameter missing fails naming the parameter, never leaves a placeholder in an FFmpeg argument. A literal
 * {@code $} is written {@code $$}.
 */
public final class Template {
    private final String text;
    private final List<String> parts;
    private final Set<String> names;

    private Template(String text, List<String> parts, Set<String> names) {
        this.text = text;
        this.parts = parts;
        this.names = names;
    }

    /**
     * Parses a template.
     *
     * @param where names the template in error messages
     */
    public static Template parse(String where, String text) {
        List<String> parts = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$') {
                literal.append(c);
                i++;
                continue;
            }
            if (i + 1 < text.length() && text.charAt(i + 1) == '$') {
                literal.append('$');
                i += 2;
                continue;
            }
            if (i + 1 >= text.length() || text.charAt(i + 1) != '{') {
                throw new DefinitionException(where + ": '$' must start ${name} or be written $$: " + text);
            }
            int end = text.indexOf('}', i + 2);
            if (end < 0) throw new DefinitionException(where + ": unclosed ${ in " + text);
            String name = text.substring(i + 2, end);
            if (!name.matches("[a-z][a-z0-9-]{0,40}")) {
                throw new DefinitionException(where + ": bad parameter name '" + name + "' in " + text);
            }
            parts.add(literal.toString());
            literal.setLength(0);
            parts.add(null);
            parts.add(name);
            names.add(name);
            i = end + 1;
        }
        parts.add(literal.toString());
        return new Template(text, Collections.unmodifiableList(parts), Collections.unmodifiableSet(names));
    }

    /** The parameter names used, in order of first use. */
    public Set<String> names() {
        return names;
    }

    public String text() {
        return text;
    }

    /**
     * Fills the placeholders.
     *
     * @throws DefinitionException when a parameter has no value
     */
    public String render(Map<String, String> params) {
        return render(name -> {
            String v = params.get(name);
            if (v == null) throw new DefinitionException("no value for parameter '" + name + "' in " + text);
            return v;
        });
    }

    String render(Function<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            String p = parts.get(i);
            if (p == null) {
                out.append(values.apply(parts.get(++i)));
            } else {
                out.append(p);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
