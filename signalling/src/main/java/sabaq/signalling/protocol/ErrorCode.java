package sabaq.signalling.protocol;

/** The {@code code} of an {@code error} message (docs/protocol.md section 2.4); the enum name is the wire name. */
public enum ErrorCode {
    BAD_REQUEST,
    MESSAGE_TOO_LARGE,
    UNKNOWN_TYPE,
    NOT_JOINED,
    ALREADY_JOINED,
    TOKEN_INVALID,
    TOKEN_EXPIRED,
    LESSON_NOT_FOUND,
    LESSON_ENDED,
    LESSON_FULL,
    FORBIDDEN,
    PARTICIPANT_NOT_FOUND,
    BAD_SDP,
    RATE_LIMITED,
    REMOVED,
    RECORDING_UNAVAILABLE,
    INTERNAL
}
