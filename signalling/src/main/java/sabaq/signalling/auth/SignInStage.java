package sabaq.signalling.auth;

import java.util.Locale;
import java.util.Optional;

/** What a person must still do after the password step before a session is created. */
public enum SignInStage {
    /** The password is an initial one set by an administrator: choose a new one. */
    CHANGE_PASSWORD,
    /** Enter the code of the enrolled authenticator app. */
    TOTP,
    /** No authenticator enrolled yet: scan the key, then enter a code. */
    ENROL_TOTP;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<SignInStage> fromWire(String s) {
        for (SignInStage v : values()) if (v.wireName().equals(s)) return Optional.of(v);
        return Optional.empty();
    }
}
