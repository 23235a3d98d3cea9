package sabaq.signalling.lesson;

import java.util.Locale;

/** Why a participant left, as sent in {@code participant-left}. */
public enum LeaveReason {
    /** The participant sent {@code leave}. */
    LEFT,
    /** The socket closed without {@code leave}. */
    DISCONNECTED,
    /** A teacher sent {@code remove}. */
    REMOVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
