package sabaq.signalling.account;

import sabaq.signalling.auth.Logins;
import sabaq.signalling.lesson.TextRules;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validation of personal data fields, shared by the API and the CSV import. Each method returns the normalised value,
 * or throws {@link IllegalArgumentException} with a message fit for the person who typed it.
 */
public final class AccountFields {
    public static final int MAX_NAME = 100;
    public static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final LocalDate OLDEST = LocalDate.of(1900, 1, 1);

    private AccountFields() {
    }

    public static String login(String raw) {
        String login = Logins.normalise(raw);
        if (!Logins.isValid(login)) throw new IllegalArgumentException("login must be " + Logins.RULE);
        return login;
    }

    public static String displayName(String raw) {
        String name = raw == null ? null : TextRules.label(raw, MAX_NAME);
        if (name == null) throw new IllegalArgumentException("name must be 1 to " + MAX_NAME + " characters without control characters");
        return name;
    }

    /** Null or blank → null. */
    public static String email(String raw) {
        if (raw == null || raw.isBlank()) return null;
        String email = raw.trim().toLowerCase(Locale.ROOT);
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) throw new IllegalArgumentException("not an e-mail address");
        return email;
    }

    /** ISO date (2012-05-01) between 1900 and {@code today}; null or blank → null. */
    public static LocalDate birthDate(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) return null;
        LocalDate d;
        try {
            d = LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("birth date must be YYYY-MM-DD");
        }
        if (d.isBefore(OLDEST) || d.isAfter(today)) throw new IllegalArgumentException("birth date out of range");
        return d;
    }

    /** A group or organisation name: 1 to 100 characters without control characters. */
    public static String label(String raw) {
        String s = raw == null ? null : TextRules.label(raw, MAX_NAME);
        if (s == null) throw new IllegalArgumentException("name must be 1 to " + MAX_NAME + " characters without control characters");
        return s;
    }
}
