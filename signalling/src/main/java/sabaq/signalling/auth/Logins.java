package sabaq.signalling.auth;

import java.util.Locale;
import java.util.regex.Pattern;

/** Login names: 3 to 64 characters of lower-case Latin letters, digits, '.', '_', '-' and '@' (e-mail addresses fit). */
public final class Logins {
    public static final String RULE = "3 to 64 lower-case letters, digits, . _ - or @";
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");

    private Logins() {
    }

    public static boolean isValid(String login) {
        return login != null && LOGIN.matcher(login).matches();
    }

    /** Trimmed and lower-cased (logins are case-insensitive); null stays null. */
    public static String normalise(String login) {
        return login == null ? null : login.trim().toLowerCase(Locale.ROOT);
    }
}
