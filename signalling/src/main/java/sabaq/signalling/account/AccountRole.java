package sabaq.signalling.account;

import java.util.Locale;
import java.util.Optional;

/**
 * The roles a person holds in an organisation (order No. 456: rights by role, group and level). A role is held in an
 * organisation, optionally limited to one group (a teacher of 7A, a student of 7A); an {@link #ADMINISTRATOR} of the
 * {@link Organisation#PLATFORM platform} organisation administers every organisation. What each role may do is in
 * {@code sabaq.signalling.auth.AccessPolicy} and docs/security.md. Lesson roles (teacher, student, observer inside one
 * lesson) are a different thing: {@code sabaq.signalling.lesson.Role}.
 */
public enum AccountRole {
    TEACHER, METHODIST, TUTOR, DIRECTOR, DEPUTY_DIRECTOR, STUDENT, PARENT, MONITOR, STUDIO_STAFF, ADMINISTRATOR;

    /** Lower case with dashes: {@code deputy-director}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<AccountRole> fromWire(String s) {
        if (s == null) return Optional.empty();
        for (AccountRole r : values()) if (r.wireName().equals(s)) return Optional.of(r);
        return Optional.empty();
    }
}
