package sabaq.signalling.lesson;

/**
 * Cleaning of user-visible text. Lengths count Unicode code points (an emoji is one character). Control characters
 * are the Unicode category Cc (C0, DEL and C1).
 */
public final class TextRules {
    public static final int MAX_TITLE = 200;
    public static final int MAX_NAME = 100;
    public static final int MAX_CHAT = 2000;

    private TextRules() {
    }

    /**
     * A one-line label (lesson title, display name): trimmed, 1 to {@code max} characters, no control characters.
     * Returns null when the text is not acceptable.
     */
    public static String label(String raw, int max) {
        if (raw == null) return null;
        String s = raw.strip();
        if (s.isEmpty() || s.codePointCount(0, s.length()) > max) return null;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) return null;
        }
        return s;
    }

    /**
     * A chat message: control characters other than newline removed, then trimmed; 1 to {@code max} characters.
     * Returns null when nothing acceptable remains or the text is too long.
     */
    public static String chat(String raw, int max) {
        if (raw == null) return null;
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\n' || !Character.isISOControl(c)) b.append(c);
        }
        String s = b.toString().strip();
        if (s.isEmpty() || s.codePointCount(0, s.length()) > max) return null;
        return s;
    }
}
