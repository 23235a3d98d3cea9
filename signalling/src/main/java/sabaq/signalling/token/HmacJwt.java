package sabaq.signalling.token;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Compact JWS/JWT (RFC 7515, RFC 7519) signed with HMAC-SHA256 ({@code HS256}, RFC 7518 section 3.2), strict on
 * input: any other {@code alg} (including {@code none}, RFC 7518 section 3.6), a {@code typ} other than the expected
 * one, a {@code crit} header, non-canonical base64url, more than {@code maxLength} characters, a wrong signature
 * (compared in constant time) or a payload that is not a JSON object is refused. Claims are the caller's business.
 * Thread safe.
 */
public final class HmacJwt {
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final String typ;
    private final String header;
    private final int maxLength;

    /**
     * @param secret    at least 32 bytes
     * @param typ       the {@code typ} header value written and required (e.g. "JWT"); tokens of one kind cannot be
     *                  used as another kind when the kinds have different types or different secrets
     * @param maxLength longest token accepted
     */
    public HmacJwt(byte[] secret, String typ, int maxLength) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < 32) throw new IllegalArgumentException("HS256 secret must have at least 32 bytes");
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.typ = Objects.requireNonNull(typ, "typ");
        this.header = Base64Url.encode(new JsonObject().put("alg", "HS256").put("typ", typ).encode()
                .getBytes(StandardCharsets.UTF_8));
        this.maxLength = maxLength;
        mac();
    }

    public String sign(JsonObject payload) {
        String signingInput = header + "." + Base64Url.encode(payload.encode().getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + Base64Url.encode(mac(signingInput));
    }

    /** The verified payload, or a refusal reason (for logs, not for clients). Never throws. */
    public Verified verify(String token) {
        if (token == null || token.isEmpty()) return Verified.refused("empty");
        if (token.length() > maxLength) return Verified.refused("too long");
        int dot1 = token.indexOf('.');
        int dot2 = dot1 < 0 ? -1 : token.indexOf('.', dot1 + 1);
        if (dot1 <= 0 || dot2 < 0 || token.indexOf('.', dot2 + 1) >= 0) return Verified.refused("not three parts");
        JsonObject head = jsonObject(Base64Url.decode(token.substring(0, dot1)));
        if (head == null) return Verified.refused("header not a base64url JSON object");
        if (!"HS256".equals(head.getValue("alg"))) return Verified.refused("alg is not HS256");
        Object t = head.getValue("typ");
        if (t != null && !typ.equals(t)) return Verified.refused("typ is not " + typ);
        if (head.containsKey("crit")) return Verified.refused("crit header not supported");
        byte[] payloadBytes = Base64Url.decode(token.substring(dot1 + 1, dot2));
        byte[] signature = Base64Url.decode(token.substring(dot2 + 1));
        if (payloadBytes == null || signature == null) return Verified.refused("payload or signature not base64url");
        if (!MessageDigest.isEqual(mac(token.substring(0, dot2)), signature)) return Verified.refused("bad signature");
        JsonObject payload = jsonObject(payloadBytes);
        if (payload == null) return Verified.refused("payload not a base64url JSON object");
        return new Verified(payload, null);
    }

    /** True for a JSON integer (not a float, not a string). */
    public static boolean isIntegral(Object v) {
        return v instanceof Integer || v instanceof Long;
    }

    private static JsonObject jsonObject(byte[] bytes) {
        if (bytes == null) return null;
        try {
            Object v = Json.decodeValue(new String(bytes, StandardCharsets.UTF_8));
            return v instanceof JsonObject ? (JsonObject) v : null;
        } catch (DecodeException e) {
            return null;
        }
    }

    private byte[] mac(String signingInput) {
        return mac().doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** A verified payload, or the reason it was refused. */
    public record Verified(JsonObject payload, String reason) {
        static Verified refused(String reason) {
            return new Verified(null, reason);
        }

        public boolean ok() {
            return payload != null;
        }
    }
}
