package sabaq.signalling.auth.oidc;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import sabaq.signalling.token.Base64Url;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.List;

/**
 * Verifies an OpenID Connect ID token (OpenID Connect Core 1.0 section 3.1.3.7): a JWS (RFC 7515) signed with RS256
 * or ES256 only (the algorithm must match the key type, so an RSA key can never be used as an HMAC secret; "none"
 * and HS* are refused), by a key of the provider's JWKS; {@code iss} equals the issuer, {@code aud} contains the
 * client id (with {@code azp} equal to it when there are several audiences), {@code exp} is in the future and
 * {@code iat} not in the future (both with 60 s of clock skew), {@code nonce} equals the one sent, {@code sub} is
 * present. Never throws: a refusal comes back with its reason.
 */
public final class IdTokenVerifier {
    static final long SKEW_SECONDS = 60;
    private static final int MAX_LENGTH = 16 * 1024;

    private IdTokenVerifier() {
    }

    /** The verified claims, or the reason for refusal. */
    public record Result(JsonObject claims, String reason) {
        public boolean ok() {
            return claims != null;
        }

        static Result refused(String reason) {
            return new Result(null, reason);
        }
    }

    /** Only the header's kid (to find a key before verifying, e.g. to refresh a stale JWKS); null when unreadable. */
    public static String kid(String token) {
        if (token == null || token.length() > MAX_LENGTH) return null;
        int dot = token.indexOf('.');
        JsonObject h = dot <= 0 ? null : json(Base64Url.decode(token.substring(0, dot)));
        Object kid = h == null ? null : h.getValue("kid");
        return kid instanceof String ? (String) kid : null;
    }

    public static Result verify(String token, JwkKeys keys, String issuer, String clientId, String nonce, long nowSeconds) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) return Result.refused("missing or too long");
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) return Result.refused("not a compact JWS");
        JsonObject header = json(Base64Url.decode(parts[0]));
        if (header == null) return Result.refused("bad header");
        if (header.containsKey("crit")) return Result.refused("crit header not supported");
        Object alg = header.getValue("alg");
        String kty;
        String javaAlg;
        if ("RS256".equals(alg)) {
            kty = "RSA";
            javaAlg = "SHA256withRSA";
        } else if ("ES256".equals(alg)) {
            kty = "EC";
            javaAlg = "SHA256withECDSAinP1363Format";
        } else {
            return Result.refused("alg " + alg + " not accepted");
        }
        byte[] signature = Base64Url.decode(parts[2]);
        byte[] payloadBytes = Base64Url.decode(parts[1]);
        if (signature == null || payloadBytes == null) return Result.refused("bad base64url");
        if ("ES256".equals(alg) && signature.length != 64) return Result.refused("bad ES256 signature length");
        Object kid = header.getValue("kid");
        List<JwkKeys.Key> candidates = keys.candidates(kid instanceof String ? (String) kid : null, kty);
        if (candidates.isEmpty()) return Result.refused("no " + kty + " key with kid " + kid);
        byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        boolean verified = false;
        for (JwkKeys.Key k : candidates) verified |= verifies(javaAlg, k, input, signature);
        if (!verified) return Result.refused("bad signature");
        JsonObject claims = json(payloadBytes);
        if (claims == null) return Result.refused("payload not a JSON object");
        return checkClaims(claims, issuer, clientId, nonce, nowSeconds);
    }

    static Result checkClaims(JsonObject c, String issuer, String clientId, String nonce, long now) {
        if (!issuer.equals(c.getValue("iss"))) return Result.refused("iss is not " + issuer);
        Object aud = c.getValue("aud");
        if (aud instanceof String) {
            if (!clientId.equals(aud)) return Result.refused("aud is not " + clientId);
        } else if (aud instanceof JsonArray) {
            JsonArray a = (JsonArray) aud;
            if (!a.contains(clientId)) return Result.refused("aud does not contain " + clientId);
            if (a.size() > 1 && !clientId.equals(c.getValue("azp"))) return Result.refused("azp is not " + clientId);
        } else {
            return Result.refused("no aud");
        }
        Object exp = c.getValue("exp");
        Object iat = c.getValue("iat");
        if (!(exp instanceof Number) || !(iat instanceof Number)) return Result.refused("exp/iat missing");
        if (((Number) exp).longValue() <= now - SKEW_SECONDS) return Result.refused("expired");
        if (((Number) iat).longValue() > now + SKEW_SECONDS) return Result.refused("issued in the future");
        if (nonce == null || !nonce.equals(c.getValue("nonce"))) return Result.refused("nonce mismatch");
        Object sub = c.getValue("sub");
        if (!(sub instanceof String) || ((String) sub).isEmpty() || ((String) sub).length() > 255) return Result.refused("bad sub");
        return new Result(c, null);
    }

    private static boolean verifies(String javaAlg, JwkKeys.Key k, byte[] input, byte[] signature) {
        try {
            Signature s = Signature.getInstance(javaAlg);
            s.initVerify(k.key());
            s.update(input);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static JsonObject json(byte[] bytes) {
        if (bytes == null) return null;
        try {
            Object v = Json.decodeValue(new String(bytes, StandardCharsets.UTF_8));
            return v instanceof JsonObject ? (JsonObject) v : null;
        } catch (DecodeException e) {
            return null;
        }
    }
}
