package sabaq.signalling.auth;

import io.vertx.core.json.JsonObject;
import sabaq.common.time.TimeSource;
import sabaq.signalling.token.HmacJwt;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * The signed cookies of a browser session, HS256 JWTs (RFC 7519) with their own keys derived from the server secret
 * (HMAC-SHA256 of the secret and a label), so one kind can never pass for another or for a join token:
 * <ul>
 *   <li>access token ({@code typ} "sabaq-access"): {@code sub} account id, {@code sid} session id, {@code iat},
 *       {@code exp}; short-lived, renewed with the refresh token;</li>
 *   <li>sign-in ticket ({@code typ} "sabaq-sign-in"): {@code sub}, {@code stg} the {@link SignInStage} still to
 *       complete; lives a few minutes between the password and the second factor.</li>
 * </ul>
 */
public final class SessionTokens {
    private static final int MAX_LENGTH = 512;

    private final HmacJwt access;
    private final HmacJwt ticket;
    private final TimeSource time;
    private final Duration accessTtl;
    private final Duration ticketTtl;

    public SessionTokens(byte[] serverSecret, TimeSource time, Duration accessTtl, Duration ticketTtl) {
        this.access = new HmacJwt(derive(serverSecret, "sabaq access token v1"), "sabaq-access", MAX_LENGTH);
        this.ticket = new HmacJwt(derive(serverSecret, "sabaq sign-in ticket v1"), "sabaq-sign-in", MAX_LENGTH);
        this.time = Objects.requireNonNull(time, "time");
        this.accessTtl = Objects.requireNonNull(accessTtl, "accessTtl");
        this.ticketTtl = Objects.requireNonNull(ticketTtl, "ticketTtl");
    }

    /** A verified token's claims, or why it was refused ({@code expired} or a reason for the log). */
    public record Checked<T>(T value, boolean expired, String reason) {
        static <T> Checked<T> refused(String reason) {
            return new Checked<>(null, false, reason);
        }

        public boolean ok() {
            return value != null;
        }
    }

    /** Access token claims. */
    public record Access(UUID userId, UUID sessionId, long expiresAtSeconds) {
    }

    /** Sign-in ticket claims. */
    public record Ticket(UUID userId, SignInStage stage) {
    }

    public Duration accessTtl() {
        return accessTtl;
    }

    public Duration ticketTtl() {
        return ticketTtl;
    }

    public String issueAccess(UUID userId, UUID sessionId) {
        long iat = now();
        return access.sign(new JsonObject().put("sub", userId.toString()).put("sid", sessionId.toString())
                .put("iat", iat).put("exp", iat + accessTtl.getSeconds()));
    }

    public Checked<Access> verifyAccess(String token) {
        HmacJwt.Verified v = access.verify(token);
        if (!v.ok()) return Checked.refused(v.reason());
        JsonObject p = v.payload();
        UUID sub = uuid(p.getValue("sub"));
        UUID sid = uuid(p.getValue("sid"));
        Object exp = p.getValue("exp");
        if (sub == null || sid == null || !HmacJwt.isIntegral(exp)) return Checked.refused("bad claims");
        if (now() >= ((Number) exp).longValue()) return new Checked<>(null, true, "expired");
        return new Checked<>(new Access(sub, sid, ((Number) exp).longValue()), false, null);
    }

    public String issueTicket(UUID userId, SignInStage stage) {
        long iat = now();
        return ticket.sign(new JsonObject().put("sub", userId.toString()).put("stg", stage.wireName())
                .put("iat", iat).put("exp", iat + ticketTtl.getSeconds()));
    }

    public Checked<Ticket> verifyTicket(String token) {
        HmacJwt.Verified v = ticket.verify(token);
        if (!v.ok()) return Checked.refused(v.reason());
        JsonObject p = v.payload();
        UUID sub = uuid(p.getValue("sub"));
        Object stg = p.getValue("stg");
        SignInStage stage = stg instanceof String ? SignInStage.fromWire((String) stg).orElse(null) : null;
        Object exp = p.getValue("exp");
        if (sub == null || stage == null || !HmacJwt.isIntegral(exp)) return Checked.refused("bad claims");
        if (now() >= ((Number) exp).longValue()) return new Checked<>(null, true, "expired");
        return new Checked<>(new Ticket(sub, stage), false, null);
    }

    private long now() {
        return Math.floorDiv(time.epochMillis(), 1000L);
    }

    static UUID uuid(Object v) {
        if (!(v instanceof String) || ((String) v).length() != 36) return null;
        try {
            return UUID.fromString((String) v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A purpose-specific key: HMAC-SHA256(secret, label). */
    static byte[] derive(byte[] secret, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
