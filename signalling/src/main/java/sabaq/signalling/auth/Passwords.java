package sabaq.signalling.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import sabaq.signalling.http.ApiException;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Password rules and hashing off the event loop: every Argon2id computation runs on a Vert.x worker thread. Rules: at
 * least {@code min-length} and at most 256 characters (Unicode code points), not blank, not the login.
 */
public final class Passwords {
    static final int MAX_LENGTH = 256;
    private static final char[] GENERATED = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final Vertx vertx;
    private final PasswordHasher hasher;
    private final int minLength;
    private final SecureRandom random;
    private volatile String decoy;

    public Passwords(Vertx vertx, PasswordHasher hasher, int minLength, SecureRandom random) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.minLength = minLength;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Refuses a password that breaks the rules with 400 {@code PASSWORD_POLICY}. */
    public void check(String password, String login) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (password == null || password.isBlank() || length < minLength || length > MAX_LENGTH
                || password.equalsIgnoreCase(login)) {
            throw new ApiException(400, "PASSWORD_POLICY", "the password must have " + minLength + " to " + MAX_LENGTH
                    + " characters and must not be the login", new JsonObject().put("minLength", minLength));
        }
    }

    public Future<String> hash(String password) {
        return vertx.executeBlocking(() -> hasher.hash(password), false);
    }

    public Future<Boolean> verify(String password, String phc) {
        return vertx.executeBlocking(() -> hasher.verify(password, phc), false);
    }

    /**
     * Spends the time of a real verification for a login that does not exist, so the answer time does not tell
     * whether an account exists.
     */
    public Future<Boolean> verifyDecoy(String password) {
        return vertx.executeBlocking(() -> {
            String d = decoy;
            if (d == null) {
                d = hasher.hash(generate());
                decoy = d;
            }
            hasher.verify(password, d);
            return false;
        }, false);
    }

    public boolean needsRehash(String phc) {
        return hasher.needsRehash(phc);
    }

    /** A random initial password: 16 characters (or min-length) without look-alikes (0/O, 1/l), 93 bits or more. */
    public String generate() {
        int length = Math.max(16, minLength);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) sb.append(GENERATED[random.nextInt(GENERATED.length)]);
        return sb.toString();
    }

    public int minLength() {
        return minLength;
    }
}
