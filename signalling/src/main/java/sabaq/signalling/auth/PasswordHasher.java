package sabaq.signalling.auth;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id password hashes (RFC 9106; Bouncy Castle's {@link Argon2BytesGenerator}, version 0x13) in the PHC string
 * format {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>} (unpadded standard base64), with a 16-byte
 * random salt and a 32-byte hash. Verification reads the parameters from the stored string, so hashes made with
 * older parameters keep working ({@link #needsRehash} tells when to upgrade them). Hashing is deliberately slow and
 * memory-hard: call it on a worker thread, never on an event loop. Thread safe.
 */
public final class PasswordHasher {
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,86})\\$([A-Za-z0-9+/]{22,171})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** Stored strings asking for more memory than this are refused instead of allocating it. */
    static final int MAX_MEMORY_KIB = 1024 * 1024;

    /** Argon2id cost: memory in KiB, passes over it, lanes. RFC 9106 minimum memory is 8 KiB per lane. */
    public record Params(int memoryKib, int iterations, int parallelism) {
        public Params {
            if (parallelism < 1 || parallelism > 16) throw new IllegalArgumentException("parallelism 1..16: " + parallelism);
            if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) throw new IllegalArgumentException("memory: " + memoryKib);
            if (iterations < 1 || iterations > 100) throw new IllegalArgumentException("iterations 1..100: " + iterations);
        }
    }

    private final Params params;
    private final SecureRandom random;

    public PasswordHasher(Params params, SecureRandom random) {
        this.params = Objects.requireNonNull(params, "params");
        this.random = Objects.requireNonNull(random, "random");
    }

    public Params params() {
        return params;
    }

    /** A new PHC string for the password with a fresh salt. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] out = derive(password, salt, params, HASH_BYTES);
        return "$argon2id$v=19$m=" + params.memoryKib + ",t=" + params.iterations + ",p=" + params.parallelism
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
    }

    /** True when the password matches the stored PHC string; false for any other string, never throws. */
    public boolean verify(String password, String phc) {
        if (password == null || phc == null) return false;
        Matcher m = PHC.matcher(phc);
        if (!m.matches()) return false;
        Params p;
        byte[] salt;
        byte[] expected;
        try {
            p = new Params(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            salt = B64_DECODER.decode(m.group(4));
            expected = B64_DECODER.decode(m.group(5));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (salt.length < 8 || expected.length < 16) return false;
        return MessageDigest.isEqual(expected, derive(password, salt, p, expected.length));
    }

    /** True when the stored string was made with other parameters than the current ones. */
    public boolean needsRehash(String phc) {
        Matcher m = phc == null ? null : PHC.matcher(phc);
        if (m == null || !m.matches()) return true;
        return !(m.group(1).equals(String.valueOf(params.memoryKib)) && m.group(2).equals(String.valueOf(params.iterations))
                && m.group(3).equals(String.valueOf(params.parallelism)));
    }

    private static byte[] derive(String password, byte[] salt, Params p, int length) {
        Argon2Parameters a = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(p.memoryKib)
                .withIterations(p.iterations)
                .withParallelism(p.parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(a);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
