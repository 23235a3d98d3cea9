package sabaq.signalling.auth.oidc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import sabaq.signalling.token.Base64Url;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The signing keys of a JSON Web Key Set (RFC 7517): RSA keys ({@code kty} RSA, {@code n}, {@code e}; RFC 7518
 * section 6.3) and P-256 elliptic curve keys ({@code kty} EC, {@code crv} P-256, {@code x}, {@code y}; section 6.2).
 * Keys for encryption ({@code use} enc), of other types or curves, RSA keys under 2048 bits, and malformed entries
 * are skipped. Never throws on input.
 */
public final class JwkKeys {
    /** One usable key: its {@code kid} (may be null), the JWS algorithm family it serves, and the key. */
    public record Key(String kid, String kty, PublicKey key) {
    }

    private final List<Key> keys;

    private JwkKeys(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    public static JwkKeys parse(JsonObject jwks) {
        List<Key> out = new ArrayList<>();
        Object list = jwks == null ? null : jwks.getValue("keys");
        if (!(list instanceof JsonArray)) return new JwkKeys(out);
        for (Object o : (JsonArray) list) {
            if (!(o instanceof JsonObject)) continue;
            Key k = key((JsonObject) o);
            if (k != null) out.add(k);
        }
        return new JwkKeys(out);
    }

    public List<Key> keys() {
        return keys;
    }

    /** The keys of type {@code kty} matching {@code kid} (all of that type when the token names no kid). */
    public List<Key> candidates(String kid, String kty) {
        List<Key> out = new ArrayList<>();
        for (Key k : keys) {
            if (k.kty().equals(kty) && (kid == null || kid.equals(k.kid()))) out.add(k);
        }
        return out;
    }

    private static Key key(JsonObject j) {
        Object use = j.getValue("use");
        if (use != null && !"sig".equals(use)) return null;
        Object kid = j.getValue("kid");
        String id = kid instanceof String ? (String) kid : null;
        try {
            if ("RSA".equals(j.getValue("kty"))) {
                BigInteger n = unsigned(j.getValue("n"));
                BigInteger e = unsigned(j.getValue("e"));
                if (n == null || e == null || n.bitLength() < 2048) return null;
                return new Key(id, "RSA", KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e)));
            }
            if ("EC".equals(j.getValue("kty")) && "P-256".equals(j.getValue("crv"))) {
                BigInteger x = unsigned(j.getValue("x"));
                BigInteger y = unsigned(j.getValue("y"));
                if (x == null || y == null) return null;
                AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
                p.init(new ECGenParameterSpec("secp256r1"));
                ECParameterSpec spec = p.getParameterSpec(ECParameterSpec.class);
                return new Key(id, "EC", KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec)));
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static BigInteger unsigned(Object v) {
        if (!(v instanceof String)) return null;
        byte[] b = Base64Url.decode((String) v);
        return b == null || b.length == 0 ? null : new BigInteger(1, b);
    }
}
