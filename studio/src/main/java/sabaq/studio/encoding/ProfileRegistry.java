package sabaq.studio.encoding;

import sabaq.studio.yaml.DefinitionException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The encoding profiles, read from the class path ({@code encoding/<id>.yaml}) once each, with the configured
 * parameter overrides ({@code sabaq.studio.profile-parameters}). Thread safe.
 */
public final class ProfileRegistry {
    private final Map<String, Map<String, String>> overrides;
    private final Map<String, EncodingProfile> loaded = new ConcurrentHashMap<>();

    public ProfileRegistry(Map<String, Map<String, String>> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    /**
     * The profile with this id.
     *
     * @throws DefinitionException when there is no such profile or it is not valid
     */
    public EncodingProfile get(String id) {
        if (!id.matches("[a-z][a-z0-9-]{0,40}")) throw new DefinitionException("bad encoding profile id: " + id);
        return loaded.computeIfAbsent(id, ProfileRegistry::load);
    }

    /**
     * The parameters of a profile: its defaults, then the configured overrides, then {@code step} (the workflow
     * step's configuration), then {@code computed} (values an operation measured).
     */
    public Map<String, String> parameters(String id, Map<String, String> step, Map<String, String> computed) {
        Map<String, String> p = new LinkedHashMap<>(get(id).defaults());
        p.putAll(overrides.getOrDefault(id, Map.of()));
        p.putAll(step);
        p.putAll(computed);
        return p;
    }

    private static EncodingProfile load(String id) {
        String resource = "encoding/" + id + ".yaml";
        try (InputStream in = ProfileRegistry.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new DefinitionException("no encoding profile '" + id + "' (" + resource + ")");
            return EncodingProfile.parse(resource, id, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DefinitionException("cannot read " + resource + ": " + e.getMessage());
        }
    }
}
