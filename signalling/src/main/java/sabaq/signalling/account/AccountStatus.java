package sabaq.signalling.account;

import java.util.Locale;
import java.util.Optional;

/** A disabled account cannot sign in and its sessions stop working at the next request. */
public enum AccountStatus {
    ACTIVE, DISABLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AccountStatus> fromWire(String s) {
        for (AccountStatus v : values()) if (v.wireName().equals(s)) return Optional.of(v);
        return Optional.empty();
    }
}
