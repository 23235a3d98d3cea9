package sabaq.signalling.token;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import sabaq.common.time.TimeSource;
import sabaq.signalling.lesson.LessonIds;
import sabaq.signalling.lesson.Role;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Objects;

/**
 * Join tokens: compact JWS/JWT (RFC 7515, RFC 7519) signed with HMAC-SHA256 ({@code HS256}, RFC 7518 section 3.2).
 * Verification refuses everything but a well-formed HS256 token: any other {@code alg} (including {@code none}, RFC
 * 7518 section 3.6), a {@code crit} header, non-canonical base64url, tokens over {@link #MAX_TOKEN_LENGTH}, a wrong
 * signature (compared in constant time) or missing/mistyped claims give {@code TOKEN_INVALID}; a token at or past
 * {@code exp} gives {@code TOKEN_EXPIRED}. Thread safe.
 */
public final class JoinTokens {
    /** Our tokens are about 200 characters; anything much longer is refused before any decoding. */
    public static final int MAX_TOKEN_LENGTH = 1024;
    private static final String ALGORITHM = "HmacSHA256";
    private static final String HEADER = Base64Url.encode(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final SecretKeySpec key;
    private final TimeSource time;
    private final LessonIds ids = new LessonIds();

    public JoinTokens(byte[] secret, TimeSource time) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < 32) throw new IllegalArgumentException("HS256 secret must have at least 32 bytes");
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.time = Objects.requireNonNull(time, "time");
        mac();
    }

    /** Signs a token for {@code role} in lesson {@code lessonId}, valid for {@code ttl} from now. */
    public IssuedToken issue(String lessonId, Role role, Duration ttl) {
        long iat = Math.floorDiv(time.epochMillis(), 1000L);
        long exp = iat + ttl.getSeconds();
        String jti = ids.clientId();
        JsonObject payload = new JsonObject()
                .put("lsn", lessonId)
                .put("role", role.wireName())
                .put("iat", iat)
                .put("exp", exp)
                .put("jti", jti);
        String signingInput = HEADER + "." + Base64Url.encode(payload.encode().getBytes(StandardCharsets.UTF_8));
        String token = signingInput + "." + Base64Url.encode(sign(signingInput));
        return new IssuedToken(token, new JoinClaims(lessonId, role, iat, exp, jti));
    }

    /** Checks signature, algorithm, claims and expiry. Never throws. */
    public TokenCheck verify(String token) {
        if (token == null || token.isEmpty()) return TokenCheck.invalid("empty");
        if (token.length() > MAX_TOKEN_LENGTH) return TokenCheck.invalid("too long");
        int dot1 = token.indexOf('.');
        int dot2 = dot1 < 0 ? -1 : token.indexOf('.', dot1 + 1);
        if (dot1 <= 0 || dot2 < 0 || token.indexOf('.', dot2 + 1) >= 0) return TokenCheck.invalid("not three parts");
        String headerPart = token.substring(0, dot1);
        String payloadPart = token.substring(dot1 + 1, dot2);
        String signaturePart = token.substring(dot2 + 1);

        JsonObject header = jsonObject(Base64Url.decode(headerPart));
        if (header == null) return TokenCheck.invalid("header not a base64url JSON object");
        if (!"HS256".equals(header.getValue("alg"))) return TokenCheck.invalid("alg is not HS256");
        Object typ = header.getValue("typ");
        if (typ != null && !"JWT".equals(typ)) return TokenCheck.invalid("typ is not JWT");
        if (header.containsKey("crit")) return TokenCheck.invalid("crit header not supported");

        byte[] payloadBytes = Base64Url.decode(payloadPart);
        byte[] signature = Base64Url.decode(signaturePart);
        if (payloadBytes == null || signature == null) return TokenCheck.invalid("payload or signature not base64url");
        byte[] expected = sign(token.substring(0, dot2));
        if (!MessageDigest.isEqual(expected, signature)) return TokenCheck.invalid("bad signature");

        JsonObject payload = jsonObject(payloadBytes);
        if (payload == null) return TokenCheck.invalid("payload not a base64url JSON object");
        Object lsn = payload.getValue("lsn");
        if (!(lsn instanceof String) || !LessonIds.isLessonId((String) lsn)) return TokenCheck.invalid("bad lsn");
        Object roleName = payload.getValue("role");
        Role role = roleName instanceof String ? Role.fromWire((String) roleName).orElse(null) : null;
        if (role == null) return TokenCheck.invalid("unknown role");
        Object iat = payload.getValue("iat");
        Object exp = payload.getValue("exp");
        if (!isIntegral(iat) || !isIntegral(exp)) return TokenCheck.invalid("iat/exp not integers");
        Object jti = payload.getValue("jti");
        if (!(jti instanceof String) || ((String) jti).isEmpty() || ((String) jti).length() > 64) {
            return TokenCheck.invalid("bad jti");
        }
        long nowSeconds = Math.floorDiv(time.epochMillis(), 1000L);
        long expSeconds = ((Number) exp).longValue();
        if (nowSeconds >= expSeconds) return TokenCheck.expired();
        return TokenCheck.valid(new JoinClaims((String) lsn, role, ((Number) iat).longValue(), expSeconds, (String) jti));
    }

    private static boolean isIntegral(Object v) {
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

    private byte[] sign(String signingInput) {
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
}
