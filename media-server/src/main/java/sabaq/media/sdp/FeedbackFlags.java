package sabaq.media.sdp;

/**
 * The RTCP feedback answered for the chosen codec of an m-section (RFC 4585 section 4.2): generic NACK, PLI, FIR
 * (RFC 5104), REMB and transport-cc.
 */
public record FeedbackFlags(boolean nack, boolean pli, boolean fir, boolean remb, boolean transportCc) {
    /** No feedback. */
    public static final FeedbackFlags NONE = new FeedbackFlags(false, false, false, false, false);
}
