package sabaq.signalling.lesson;

import java.util.Locale;
import java.util.Optional;

/** A participant's role in a lesson; it comes from the join token (claim {@code role}). */
public enum Role {
    TEACHER, STUDENT, OBSERVER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWire(String s) {
        if (s == null) return Optional.empty();
        for (Role r : values()) if (r.wireName().equals(s)) return Optional.of(r);
        return Optional.empty();
    }
}
