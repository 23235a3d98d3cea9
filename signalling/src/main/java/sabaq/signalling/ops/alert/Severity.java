package sabaq.signalling.ops.alert;

import java.util.Locale;
import java.util.Optional;

/** How urgent an alert is; shown on the operations page and in the log. */
public enum Severity {
    INFO, WARNING, CRITICAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> fromWire(String s) {
        for (Severity v : values()) if (v.wireName().equals(s)) return Optional.of(v);
        return Optional.empty();
    }
}
