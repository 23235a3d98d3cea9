package sabaq.media.sdp;

/** The direction of an {@code a=rid} line (RFC 8851 section 10): the writer sends or receives that RTP stream. */
public enum RidDirection {
    SEND, RECV;

    public String sdpName() {
        return this == SEND ? "send" : "recv";
    }
}
