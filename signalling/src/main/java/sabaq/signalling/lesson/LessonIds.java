package sabaq.signalling.lesson;

import java.security.SecureRandom;

/**
 * Random identifiers from the URL-safe base64 alphabet (RFC 4648 section 5), so they can travel in paths, fragments and
 * track ids ({@code <participantId>:<source>}) without escaping.
 */
public final class LessonIds {
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    /** 12 characters = 72 random bits: lesson links cannot be guessed. */
    public static final int LESSON_ID_LENGTH = 12;
    public static final int PARTICIPANT_ID_LENGTH = 8;
    public static final int CLIENT_ID_LENGTH = 16;

    private final SecureRandom random = new SecureRandom();

    public String lessonId() {
        return next(LESSON_ID_LENGTH);
    }

    public String participantId() {
        return next(PARTICIPANT_ID_LENGTH);
    }

    public String clientId() {
        return next(CLIENT_ID_LENGTH);
    }

    /** True if {@code s} could be an id we issue: 1 to {@code maxLength} characters of the URL-safe alphabet. */
    public static boolean isWellFormed(String s, int maxLength) {
        if (s == null || s.isEmpty() || s.length() > maxLength) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) return false;
        }
        return true;
    }

    public static boolean isLessonId(String s) {
        return s != null && s.length() == LESSON_ID_LENGTH && isWellFormed(s, LESSON_ID_LENGTH);
    }

    private String next(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        return new String(out);
    }
}
