package sabaq.media.sdp;

/**
 * An SDP offer that cannot be parsed, or that cannot be answered the way the caller asked. The message names the line
 * (1-based, when the problem is tied to one) and what is wrong, so it can be returned to the client as a
 * {@code BAD_SDP} error. Checked on purpose: a browser's offer is untrusted input and every caller must decide what a
 * refusal means for the session.
 */
public final class SdpException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int lineNumber;

    /** A problem with the offer as a whole (no particular line). */
    public SdpException(String message) {
        super(message);
        this.lineNumber = 0;
    }

    /** A problem on one line of the input, {@code lineNumber} counted from 1. */
    public SdpException(int lineNumber, String message) {
        super("line " + lineNumber + ": " + message);
        this.lineNumber = lineNumber;
    }

    /** The 1-based line the problem is on, or 0 when it concerns the whole description. */
    public int lineNumber() {
        return lineNumber;
    }
}
