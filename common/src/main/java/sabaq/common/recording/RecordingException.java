package sabaq.common.recording;

/** The recorder refused a request (not available, limit reached); the message is safe to show to a teacher. */
public final class RecordingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RecordingException(String message) {
        super(message);
    }

    public RecordingException(String message, Throwable cause) {
        super(message, cause);
    }
}
