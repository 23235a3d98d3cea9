package sabaq.signalling.auth.oidc;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One OpenID Connect identity provider (an element of {@code sabaq.signalling.auth.oidc.providers}): its {@code id}
 * in URLs, the name on the sign-in button, the {@code issuer} (its discovery document is
 * {@code <issuer>/.well-known/openid-configuration}), the client registered there, the organisation whose accounts it
 * signs in, and whether an unlinked identity may be matched to an account by a verified e-mail address. The issuer
 * must be https, except on a loopback host (tests, development).
 */
public record OidcProviderConfig(String id, String displayName, String issuer, String clientId, String clientSecret,
                                 UUID orgId, boolean matchEmail, List<String> scopes) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    public OidcProviderConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(orgId, "orgId");
        scopes = List.copyOf(scopes);
    }

    /** Reads and validates one provider; {@code key} names it in error messages. */
    public static OidcProviderConfig from(Config c, String key) {
        String id = c.getString("id");
        if (!ID.matcher(id).matches()) throw new ConfigException.BadValue(key + ".id", "lower-case letters, digits and -, was " + id);
        String issuer = c.getString("issuer").replaceAll("/+$", "");
        checkIssuer(issuer, key + ".issuer");
        UUID org;
        try {
            org = UUID.fromString(c.getString("org-id"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException.BadValue(key + ".org-id", "not a UUID: " + c.getString("org-id"));
        }
        List<String> scopes = c.hasPath("scopes") ? c.getStringList("scopes") : List.of("openid", "email", "profile");
        if (!scopes.contains("openid")) throw new ConfigException.BadValue(key + ".scopes", "must contain openid");
        String clientId = c.getString("client-id");
        if (clientId.isBlank()) throw new ConfigException.BadValue(key + ".client-id", "must not be blank");
        return new OidcProviderConfig(id, c.hasPath("display-name") ? c.getString("display-name") : id, issuer, clientId,
                c.hasPath("client-secret") ? c.getString("client-secret") : "", org,
                c.hasPath("match-email") && c.getBoolean("match-email"), scopes);
    }

    static void checkIssuer(String issuer, String key) {
        URI uri;
        try {
            uri = new URI(issuer);
        } catch (URISyntaxException e) {
            throw new ConfigException.BadValue(key, "not a URL: " + issuer);
        }
        String host = uri.getHost();
        boolean loopback = "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
        if (host == null || !("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && loopback))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ConfigException.BadValue(key,
                    "must be an https URL without query or fragment (http only on loopback), was " + issuer);
        }
    }

    /** Hides the client secret. */
    @Override
    public String toString() {
        return "OidcProviderConfig[" + id + " " + issuer + " client " + clientId + " org " + orgId + "]";
    }
}
