package sabaq.signalling.auth.oidc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import sabaq.signalling.token.Base64Url;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdTokenVerifierTest {
    static final String ISS = "https://idp.example.kz/realms/school";
    static final String CLIENT = "sabaq";
    static final long NOW = 1_700_000_000L;
    static final KeyPair RSA = generate("RSA");
    static final KeyPair EC = generate("EC");

    static KeyPair generate(String type) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(type);
            if (type.equals("RSA")) g.initialize(2048);
            else g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(BigInteger v) {
        byte[] b = v.toByteArray();
        if (b[0] == 0 && b.length > 1) b = java.util.Arrays.copyOfRange(b, 1, b.length);
        return Base64Url.encode(b);
    }

    static String pad32(BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[32];
        System.arraycopy(b, Math.max(0, b.length - 32), out, Math.max(0, 32 - b.length), Math.min(32, b.length));
        return Base64Url.encode(out);
    }

    static JwkKeys jwks() {
        RSAPublicKey r = (RSAPublicKey) RSA.getPublic();
        ECPublicKey e = (ECPublicKey) EC.getPublic();
        return JwkKeys.parse(new JsonObject().put("keys", new JsonArray()
                .add(new JsonObject().put("kty", "RSA").put("kid", "r1").put("use", "sig").put("n", b64(r.getModulus()))
                        .put("e", b64(r.getPublicExponent())))
                .add(new JsonObject().put("kty", "EC").put("kid", "e1").put("crv", "P-256")
                        .put("x", pad32(e.getW().getAffineX())).put("y", pad32(e.getW().getAffineY())))
                .add(new JsonObject().put("kty", "RSA").put("kid", "enc").put("use", "enc").put("n", b64(r.getModulus()))
                        .put("e", b64(r.getPublicExponent())))
                .add("not a key")));
    }

    static JsonObject claims() {
        return new JsonObject().put("iss", ISS).put("aud", CLIENT).put("sub", "248289761001").put("nonce", "n-0S6_WzA2Mj")
                .put("iat", NOW - 10).put("exp", NOW + 300).put("email", "a@school.kz").put("email_verified", true);
    }

    static String sign(JsonObject header, JsonObject payload, String javaAlg, PrivateKey key) {
        try {
            String input = Base64Url.encode(header.encode().getBytes(StandardCharsets.UTF_8)) + "."
                    + Base64Url.encode(payload.encode().getBytes(StandardCharsets.UTF_8));
            Signature s = Signature.getInstance(javaAlg);
            s.initSign(key);
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64Url.encode(s.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String rs256(JsonObject payload) {
        return sign(new JsonObject().put("alg", "RS256").put("kid", "r1").put("typ", "JWT"), payload, "SHA256withRSA", RSA.getPrivate());
    }

    static IdTokenVerifier.Result verify(String token) {
        return IdTokenVerifier.verify(token, jwks(), ISS, CLIENT, "n-0S6_WzA2Mj", NOW);
    }

    @Test
    void rs256AndEs256TokensVerify() {
        assertEquals(2, jwks().keys().size(), "the encryption key and the junk entry are skipped");
        IdTokenVerifier.Result r = verify(rs256(claims()));
        assertTrue(r.ok(), r.reason());
        assertEquals("248289761001", r.claims().getString("sub"));
        String es = sign(new JsonObject().put("alg", "ES256").put("kid", "e1"), claims(), "SHA256withECDSAinP1363Format", EC.getPrivate());
        assertTrue(verify(es).ok(), verify(es).reason());
        assertEquals("r1", IdTokenVerifier.kid(rs256(claims())));
    }

    @Test
    void claimsMustMatch() {
        assertFalse(verify(rs256(claims().put("iss", ISS + "/other"))).ok());
        assertFalse(verify(rs256(claims().put("aud", "someone-else"))).ok());
        assertTrue(verify(rs256(claims().put("aud", new JsonArray().add(CLIENT)))).ok());
        assertFalse(verify(rs256(claims().put("aud", new JsonArray().add(CLIENT).add("x")))).ok(), "azp needed with several aud");
        assertTrue(verify(rs256(claims().put("aud", new JsonArray().add(CLIENT).add("x")).put("azp", CLIENT))).ok());
        assertFalse(verify(rs256(claims().put("nonce", "replayed"))).ok());
        assertFalse(verify(rs256(claims().put("exp", NOW - 61))).ok());
        assertTrue(verify(rs256(claims().put("exp", NOW - 59))).ok(), "60 s of skew");
        assertFalse(verify(rs256(claims().put("iat", NOW + 120))).ok());
        assertFalse(verify(rs256(claims().put("sub", ""))).ok());
        assertFalse(verify(rs256(claims().put("exp", "later"))).ok());
    }

    @Test
    void algorithmAndKeyAttacksAreRefused() throws Exception {
        JsonObject c = claims();
        String none = Base64Url.encode("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + Base64Url.encode(c.encode().getBytes(StandardCharsets.UTF_8)) + ".";
        assertEquals("alg none not accepted", verify(none).reason());

        // HS256 "signed" with the RSA public key as the HMAC secret (algorithm confusion).
        String input = Base64Url.encode("{\"alg\":\"HS256\",\"kid\":\"r1\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + Base64Url.encode(c.encode().getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(RSA.getPublic().getEncoded(), "HmacSHA256"));
        assertFalse(verify(input + "." + Base64Url.encode(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)))).ok());

        // An ES256 header over an RSA key id, an unknown kid, a key of another provider, a crit header.
        String rsSigned = rs256(c);
        String[] p = rsSigned.split("\\.");
        String esHeader = Base64Url.encode("{\"alg\":\"ES256\",\"kid\":\"r1\"}".getBytes(StandardCharsets.UTF_8));
        assertFalse(verify(esHeader + "." + p[1] + "." + p[2]).ok());
        assertFalse(verify(sign(new JsonObject().put("alg", "RS256").put("kid", "nope"), c, "SHA256withRSA", RSA.getPrivate())).ok());
        assertFalse(verify(sign(new JsonObject().put("alg", "RS256").put("kid", "r1"), c, "SHA256withRSA", generate("RSA").getPrivate())).ok());
        assertFalse(verify(sign(new JsonObject().put("alg", "RS256").put("kid", "r1").put("crit", new JsonArray().add("x")), c,
                "SHA256withRSA", RSA.getPrivate())).ok());
        // A tampered payload.
        JsonObject other = claims().put("sub", "admin");
        assertFalse(verify(p[0] + "." + Base64Url.encode(other.encode().getBytes(StandardCharsets.UTF_8)) + "." + p[2]).ok());
    }

    /** Random and mutated tokens: never an exception, never a verified token. */
    @Test
    void fuzz() {
        String good = rs256(claims());
        Random rnd = new Random(7519);
        String alphabet = "ABCabc012-_.=+/ ";
        JwkKeys keys = jwks();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder(i % 2 == 0 ? good : "");
            if (i % 2 == 1) for (int k = 0; k < rnd.nextInt(200); k++) s.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            else for (int e = 0; e < 1 + rnd.nextInt(3); e++) s.setCharAt(rnd.nextInt(s.length()), alphabet.charAt(rnd.nextInt(alphabet.length())));
            String t = s.toString();
            if (t.equals(good)) continue;
            IdTokenVerifier.kid(t);
            IdTokenVerifier.Result r = IdTokenVerifier.verify(t, keys, ISS, CLIENT, "n-0S6_WzA2Mj", NOW);
            assertFalse(r.ok() && !t.split("\\.")[2].equals(good.split("\\.")[2]), t);
        }
    }

    /** Random key sets: parsing never throws, and only well-formed keys of the supported types come out. */
    @Test
    void fuzzedKeySets() {
        Random rnd = new Random(7517);
        String[] ktys = {"RSA", "EC", "oct", "OKP", "", null};
        String[] crvs = {"P-256", "P-384", "secp256k1", null};
        for (int i = 0; i < 5_000; i++) {
            JsonArray keys = new JsonArray();
            for (int k = 0; k < rnd.nextInt(4); k++) {
                JsonObject j = new JsonObject().put("kty", ktys[rnd.nextInt(ktys.length)]).put("crv", crvs[rnd.nextInt(crvs.length)]);
                for (String f : new String[] {"n", "e", "x", "y"}) {
                    byte[] b = new byte[rnd.nextInt(300)];
                    rnd.nextBytes(b);
                    if (rnd.nextBoolean()) j.put(f, rnd.nextInt(10) == 0 ? "not base64url!" : Base64Url.encode(b));
                }
                keys.add(rnd.nextInt(20) == 0 ? "junk" : j);
            }
            JwkKeys parsed = JwkKeys.parse(new JsonObject().put("keys", keys));
            for (JwkKeys.Key key : parsed.keys()) assertTrue(key.kty().equals("RSA") || key.kty().equals("EC"));
        }
        assertTrue(JwkKeys.parse(null).keys().isEmpty());
        assertTrue(JwkKeys.parse(new JsonObject().put("keys", "nope")).keys().isEmpty());
    }
}
