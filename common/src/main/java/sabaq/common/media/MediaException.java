package sabaq.common.media;

/** A refused media request (bad SDP, unknown track, closed peer). The code maps onto a signalling error code. */
public final class MediaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Code { BAD_SDP, UNKNOWN_TRACK, CLOSED, INTERNAL }

    private final Code code;

    public MediaException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
