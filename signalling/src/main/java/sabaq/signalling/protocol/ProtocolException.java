package sabaq.signalling.protocol;

/**
 * A request refused with a protocol error code. Thrown by request validation and caught at the session edge, where
 * it becomes an {@code error} message; it carries no stack trace because it is an expected outcome, not a fault.
 */
public final class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public ProtocolException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static ProtocolException badRequest(String message) {
        return new ProtocolException(ErrorCode.BAD_REQUEST, message);
    }
}
