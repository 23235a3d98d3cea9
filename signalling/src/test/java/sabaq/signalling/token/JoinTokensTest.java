package sabaq.signalling.token;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import sabaq.common.time.FakeTimeSource;
import sabaq.signalling.lesson.Role;
import sabaq.signalling.protocol.ErrorCode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JoinTokensTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final String LESSON = "AbCdEf012345";

    private final FakeTimeSource time = new FakeTimeSource();
    private final JoinTokens tokens = new JoinTokens(SECRET, time);

    /** Builds a token by hand with any header and payload, signed with {@code key}. */
    private static String sign(String headerJson, String payloadJson, byte[] key) throws Exception {
        String input = Base64Url.encode(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + Base64Url.encode(payloadJson.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return input + "." + Base64Url.encode(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private String claims(String role, long expSeconds) {
        long now = time.epochMillis() / 1000;
        return new JsonObject().put("lsn", LESSON).put("role", role).put("iat", now).put("exp", expSeconds)
                .put("jti", "j1").encode();
    }

    private void assertInvalid(String token) {
        TokenCheck c = tokens.verify(token);
        assertFalse(c.isValid(), () -> "accepted: " + token);
        assertEquals(ErrorCode.TOKEN_INVALID, c.error(), c::toString);
    }

    @Test
    void issueThenVerify() {
        IssuedToken t = tokens.issue(LESSON, Role.STUDENT, Duration.ofHours(12));
        TokenCheck c = tokens.verify(t.token());
        assertTrue(c.isValid(), c::toString);
        assertEquals(t.claims(), c.claims());
        assertEquals(LESSON, c.claims().lessonId());
        assertEquals(Role.STUDENT, c.claims().role());
        assertEquals(c.claims().issuedAt() + 12 * 3600, c.claims().expiresAt());
        assertNotEquals(t.token(), tokens.issue(LESSON, Role.STUDENT, Duration.ofHours(12)).token(), "jti makes tokens unique");
        String header = new String(Base64Url.decode(t.token().split("\\.")[0]), StandardCharsets.UTF_8);
        assertEquals("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", header);
    }

    @Test
    void expiresAtExp() {
        String token = tokens.issue(LESSON, Role.TEACHER, Duration.ofMinutes(10)).token();
        time.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertTrue(tokens.verify(token).isValid());
        time.advance(Duration.ofSeconds(1));
        assertEquals(ErrorCode.TOKEN_EXPIRED, tokens.verify(token).error());
    }

    @Test
    void otherKeyOrTamperedPartsAreRefused() throws Exception {
        String token = tokens.issue(LESSON, Role.STUDENT, Duration.ofHours(1)).token();
        JoinTokens otherServer = new JoinTokens("ffffffffffffffffffffffffffffffff".getBytes(StandardCharsets.UTF_8), time);
        assertFalse(otherServer.verify(token).isValid());
        String[] p = token.split("\\.");
        String teacherPayload = Base64Url.encode(claims("teacher", time.epochMillis() / 1000 + 3600).getBytes(StandardCharsets.UTF_8));
        assertInvalid(p[0] + "." + teacherPayload + "." + p[2]);
        assertInvalid(p[0] + "." + p[1] + "." + p[2] + "=");
        assertInvalid(p[0] + "." + p[1] + "." + p[2].substring(1));
        assertInvalid(p[0] + "." + p[1]);
        assertInvalid(token + ".x");
        assertInvalid("");
        assertInvalid(null);
        assertInvalid("a".repeat(JoinTokens.MAX_TOKEN_LENGTH + 1));
        assertInvalid(" " + token);
    }

    @Test
    void onlyHs256IsAccepted() throws Exception {
        long exp = time.epochMillis() / 1000 + 3600;
        String payload = claims("teacher", exp);
        assertTrue(tokens.verify(sign("{\"alg\":\"HS256\"}", payload, SECRET)).isValid(), "typ is optional");
        assertInvalid(sign("{\"alg\":\"none\",\"typ\":\"JWT\"}", payload, SECRET));
        assertInvalid(sign("{\"alg\":\"HS512\",\"typ\":\"JWT\"}", payload, SECRET));
        assertInvalid(sign("{\"alg\":\"hs256\",\"typ\":\"JWT\"}", payload, SECRET));
        assertInvalid(sign("{\"typ\":\"JWT\"}", payload, SECRET));
        assertInvalid(sign("{\"alg\":\"HS256\",\"typ\":\"JWS+\"}", payload, SECRET));
        assertInvalid(sign("{\"alg\":\"HS256\",\"crit\":[\"exp\"]}", payload, SECRET));
        assertInvalid(sign("[\"HS256\"]", payload, SECRET));
        String unsigned = Base64Url.encode("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + Base64Url.encode(payload.getBytes(StandardCharsets.UTF_8)) + ".";
        assertInvalid(unsigned);
    }

    @Test
    void claimsMustBeComplete() throws Exception {
        long exp = time.epochMillis() / 1000 + 3600;
        String h = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        assertInvalid(sign(h, claims("principal", exp), SECRET));
        assertInvalid(sign(h, new JsonObject(claims("student", exp)).put("lsn", "short").encode(), SECRET));
        assertInvalid(sign(h, new JsonObject(claims("student", exp)).put("exp", "tomorrow").encode(), SECRET));
        assertInvalid(sign(h, new JsonObject(claims("student", exp)).put("exp", exp + 0.5).encode(), SECRET));
        assertInvalid(sign(h, new JsonObject(claims("student", exp)).putNull("jti").encode(), SECRET));
        assertInvalid(sign(h, "[1,2]", SECRET));
        assertInvalid(sign(h, "not json", SECRET));
        TokenCheck ok = tokens.verify(sign(h, claims("observer", exp), SECRET));
        assertEquals(Role.OBSERVER, ok.claims().role());
    }

    @Test
    void fuzzedTokensAreRefusedWithoutExceptions() {
        Random r = new Random(7);
        String valid = tokens.issue(LESSON, Role.STUDENT, Duration.ofHours(1)).token();
        String alphabet = "ABCxyz019-_.=+/ \u00e9";
        int accepted = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder b = new StringBuilder(valid);
            if (r.nextInt(4) == 0) {
                b.setLength(0);
                for (int k = r.nextInt(300); k > 0; k--) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            } else {
                for (int k = 1 + r.nextInt(3); k > 0 && b.length() > 0; k--) {
                    int at = r.nextInt(b.length());
                    switch (r.nextInt(3)) {
                        case 0:
                            b.deleteCharAt(at);
                            break;
                        case 1:
                            b.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
                            break;
                        default:
                            b.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length())));
                    }
                }
            }
            TokenCheck c = tokens.verify(b.toString());
            assertNotNull(c);
            if (c.isValid()) {
                accepted++;
                assertEquals(b.toString(), valid, "only the untouched token may verify");
            } else {
                assertTrue(c.error() == ErrorCode.TOKEN_INVALID || c.error() == ErrorCode.TOKEN_EXPIRED);
            }
        }
        assertTrue(accepted < 1000, "mutations rarely give back the original token: " + accepted);
    }
}
