package sabaq.signalling.token;

import io.vertx.core.json.JsonObject;
import sabaq.common.time.TimeSource;
import sabaq.signalling.lesson.LessonIds;
import sabaq.signalling.lesson.Role;
import sabaq.signalling.lesson.TextRules;

import java.time.Duration;
import java.util.Objects;

/**
 * Join tokens: compact JWS/JWT (RFC 7515, RFC 7519) signed with HMAC-SHA256 ({@code HS256}, RFC 7518 section 3.2).
 * Verification refuses everything but a well-formed HS256 token: any other {@code alg} (including {@code none}, RFC
 * 7518 section 3.6), a {@code crit} header, non-canonical base64url, tokens over {@link #MAX_TOKEN_LENGTH}, a wrong
 * signature (compared in constant time) or missing/mistyped claims give {@code TOKEN_INVALID}; a token at or past
 * {@code exp} gives {@code TOKEN_EXPIRED}. A personal token also carries the account id ({@code sub}) and display name
 * ({@code name}) of the person it was issued to (docs/security.md). Thread safe.
 */
public final class JoinTokens {
    /** Our tokens are about 200 characters (300 with a name); anything much longer is refused before any decoding. */
    public static final int MAX_TOKEN_LENGTH = 1024;
    /** Longest {@code sub} and {@code name} claims accepted. */
    private static final int MAX_SUB = 64;
    private static final int MAX_NAME = 100;

    private final HmacJwt jwt;
    private final TimeSource time;
    private final LessonIds ids = new LessonIds();

    public JoinTokens(byte[] secret, TimeSource time) {
        this.jwt = new HmacJwt(secret, "JWT", MAX_TOKEN_LENGTH);
        this.time = Objects.requireNonNull(time, "time");
    }

    /** Signs a guest token for {@code role} in lesson {@code lessonId}, valid for {@code ttl} from now. */
    public IssuedToken issue(String lessonId, Role role, Duration ttl) {
        return issue(lessonId, role, ttl, null, null);
    }

    /**
     * Signs a token; with {@code userId} and {@code displayName} it is personal (claims {@code sub}, {@code name}),
     * otherwise a guest link.
     */
    public IssuedToken issue(String lessonId, Role role, Duration ttl, String userId, String displayName) {
        long iat = Math.floorDiv(time.epochMillis(), 1000L);
        long exp = iat + ttl.getSeconds();
        String jti = ids.clientId();
        JsonObject payload = new JsonObject()
                .put("lsn", lessonId)
                .put("role", role.wireName())
                .put("iat", iat)
                .put("exp", exp)
                .put("jti", jti);
        if (userId != null) payload.put("sub", userId).put("name", displayName);
        return new IssuedToken(jwt.sign(payload), new JoinClaims(lessonId, role, iat, exp, jti, userId, displayName));
    }

    /** Checks signature, algorithm, claims and expiry. Never throws. */
    public TokenCheck verify(String token) {
        HmacJwt.Verified v = jwt.verify(token);
        if (!v.ok()) return TokenCheck.invalid(v.reason());
        JsonObject payload = v.payload();
        Object lsn = payload.getValue("lsn");
        if (!(lsn instanceof String) || !LessonIds.isLessonId((String) lsn)) return TokenCheck.invalid("bad lsn");
        Object roleName = payload.getValue("role");
        Role role = roleName instanceof String ? Role.fromWire((String) roleName).orElse(null) : null;
        if (role == null) return TokenCheck.invalid("unknown role");
        Object iat = payload.getValue("iat");
        Object exp = payload.getValue("exp");
        if (!HmacJwt.isIntegral(iat) || !HmacJwt.isIntegral(exp)) return TokenCheck.invalid("iat/exp not integers");
        Object jti = payload.getValue("jti");
        if (!(jti instanceof String) || ((String) jti).isEmpty() || ((String) jti).length() > 64) {
            return TokenCheck.invalid("bad jti");
        }
        Object sub = payload.getValue("sub");
        Object name = payload.getValue("name");
        if ((sub == null) != (name == null)) return TokenCheck.invalid("sub and name come together");
        if (sub != null && (!(sub instanceof String) || ((String) sub).isEmpty() || ((String) sub).length() > MAX_SUB
                || !(name instanceof String) || TextRules.label((String) name, MAX_NAME) == null)) {
            return TokenCheck.invalid("bad sub or name");
        }
        long nowSeconds = Math.floorDiv(time.epochMillis(), 1000L);
        long expSeconds = ((Number) exp).longValue();
        if (nowSeconds >= expSeconds) return TokenCheck.expired();
        return TokenCheck.valid(new JoinClaims((String) lsn, role, ((Number) iat).longValue(), expSeconds, (String) jti,
                (String) sub, name == null ? null : TextRules.label((String) name, MAX_NAME)));
    }
}
