package sabaq.signalling.auth;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import sabaq.common.config.ConfigValues;
import sabaq.signalling.auth.oidc.OidcProviderConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Accounts, sign-in and sessions: {@code sabaq.signalling.allow-guest-join} and {@code sabaq.signalling.auth.*}
 * (defaults and meaning in signalling's reference.conf; docs/security.md).
 */
public record AuthConfig(
        boolean allowGuestJoin,
        Duration accessTtl,
        Duration refreshTtl,
        Duration signInTtl,
        SecureCookies secureCookies,
        int passwordMinLength,
        PasswordHasher.Params argon2,
        String totpIssuer,
        int totpWindow,
        boolean mfaRequired,
        int mfaConsentAge,
        ThrottlePolicy throttle,
        String initialAdminLogin,
        String initialAdminPassword,
        int importMaxBytes,
        int importMaxRows,
        List<OidcProviderConfig> oidcProviders) {

    public static final String PATH = "sabaq.signalling.auth";

    /** When cookies get the {@code Secure} attribute. */
    public enum SecureCookies {
        /** When the request came over https (directly or as the public base URL says). */
        AUTO, ALWAYS, NEVER
    }

    public static AuthConfig from(Config config) {
        ConfigValues v = new ConfigValues(config, PATH);
        String cookies = v.string("secure-cookies").toUpperCase(Locale.ROOT);
        SecureCookies secure;
        try {
            secure = SecureCookies.valueOf(cookies);
        } catch (IllegalArgumentException e) {
            throw new ConfigException.BadValue(PATH + ".secure-cookies", "auto, always or never, was " + cookies);
        }
        PasswordHasher.Params argon2;
        try {
            argon2 = new PasswordHasher.Params(v.intIn("password.argon2.memory-kib", 8, 4 * 1024 * 1024),
                    v.intIn("password.argon2.iterations", 1, 100), v.intIn("password.argon2.parallelism", 1, 16));
        } catch (IllegalArgumentException e) {
            throw new ConfigException.BadValue(PATH + ".password.argon2", e.getMessage());
        }
        Duration firstLock = v.durationIn("lockout.first-lock", Duration.ofSeconds(1), Duration.ofDays(1));
        Duration maxLock = v.durationIn("lockout.max-lock", Duration.ofSeconds(1), Duration.ofDays(30));
        if (maxLock.compareTo(firstLock) < 0) throw new ConfigException.BadValue(PATH + ".lockout.max-lock", "shorter than first-lock");
        ThrottlePolicy throttle = new ThrottlePolicy(v.intIn("lockout.account-failures", 1, 1000),
                v.intIn("lockout.address-failures", 1, 100_000),
                v.durationIn("lockout.window", Duration.ofSeconds(1), Duration.ofDays(30)), firstLock, maxLock);
        String initialLogin = v.string("initial-admin.login").trim().toLowerCase(Locale.ROOT);
        if (!initialLogin.isEmpty() && !Logins.isValid(initialLogin)) {
            throw new ConfigException.BadValue(PATH + ".initial-admin.login", Logins.RULE + ", was " + initialLogin);
        }
        int minLength = v.intIn("password.min-length", 8, 128);
        String initialPassword = v.string("initial-admin.password");
        if (!initialPassword.isEmpty() && initialPassword.codePointCount(0, initialPassword.length()) < minLength) {
            throw new ConfigException.BadValue(PATH + ".initial-admin.password", "shorter than password.min-length");
        }
        return new AuthConfig(
                new ConfigValues(config, "sabaq.signalling").bool("allow-guest-join"),
                v.durationIn("access-ttl", Duration.ofSeconds(10), Duration.ofHours(12)),
                v.durationIn("refresh-ttl", Duration.ofMinutes(1), Duration.ofDays(365)),
                v.durationIn("sign-in-ttl", Duration.ofSeconds(10), Duration.ofHours(1)),
                secure,
                minLength,
                argon2,
                v.nonBlank("totp.issuer"),
                v.intIn("totp.window", 0, 10),
                v.bool("mfa-required"),
                v.intIn("mfa-consent-age", 0, 18),
                throttle,
                initialLogin,
                initialPassword,
                v.intIn("import.max-bytes", 1024, 64 * 1024 * 1024),
                v.intIn("import.max-rows", 1, 1_000_000),
                providers(config));
    }

    private static List<OidcProviderConfig> providers(Config config) {
        List<OidcProviderConfig> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<? extends Config> list = config.getConfigList(PATH + ".oidc.providers");
        for (int i = 0; i < list.size(); i++) {
            OidcProviderConfig p = OidcProviderConfig.from(list.get(i), PATH + ".oidc.providers[" + i + "]");
            if (!ids.add(p.id())) throw new ConfigException.BadValue(PATH + ".oidc.providers", "two providers named " + p.id());
            out.add(p);
        }
        return List.copyOf(out);
    }

    /** Hides the initial password. */
    @Override
    public String toString() {
        return "AuthConfig[allowGuestJoin=" + allowGuestJoin + ", accessTtl=" + accessTtl + ", refreshTtl=" + refreshTtl
                + ", mfaRequired=" + mfaRequired + ", argon2=" + argon2 + ", throttle=" + throttle
                + ", initialAdmin=" + initialAdminLogin + (initialAdminPassword.isEmpty() ? "" : " (password set)")
                + ", oidcProviders=" + oidcProviders + "]";
    }
}
