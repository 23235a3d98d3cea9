package sabaq.signalling.auth.oidc;

import io.vertx.core.json.JsonObject;

import java.net.URI;

/**
 * What Sabaq needs from a provider's discovery document (OpenID Connect Discovery 1.0 section 3). Its {@code issuer}
 * must equal the configured one exactly (section 4.3), and every endpoint must be https (http only on loopback).
 */
public record ProviderMetadata(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri) {

    /** The metadata, or null when the document is unusable for {@code expectedIssuer}. */
    public static ProviderMetadata parse(JsonObject doc, String expectedIssuer) {
        if (doc == null) return null;
        Object iss = doc.getValue("issuer");
        if (!(iss instanceof String) || !expectedIssuer.equals(((String) iss).replaceAll("/+$", ""))) return null;
        String auth = endpoint(doc.getValue("authorization_endpoint"));
        String token = endpoint(doc.getValue("token_endpoint"));
        String jwks = endpoint(doc.getValue("jwks_uri"));
        if (auth == null || token == null || jwks == null) return null;
        return new ProviderMetadata((String) iss, auth, token, jwks);
    }

    private static String endpoint(Object v) {
        if (!(v instanceof String)) return null;
        try {
            URI u = new URI((String) v);
            String host = u.getHost();
            boolean loopback = "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
            if (host == null || !("https".equals(u.getScheme()) || ("http".equals(u.getScheme()) && loopback))) return null;
            return (String) v;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
