package sabaq.media.sdp;

/**
 * The DTLS role attribute {@code a=setup} (RFC 4145 section 4, used for DTLS-SRTP by RFC 5763 section 5). A WebRTC
 * offer says {@code actpass}; our answer always says {@code passive}, which makes the browser the DTLS client.
 */
public enum Setup {
    ACTPASS("actpass"), ACTIVE("active"), PASSIVE("passive"), HOLDCONN("holdconn");

    private final String sdpName;

    Setup(String sdpName) {
        this.sdpName = sdpName;
    }

    public String sdpName() {
        return sdpName;
    }

    static Setup fromSdp(String value, int line) throws SdpException {
        for (Setup s : values()) {
            if (s.sdpName.equals(value)) {
                return s;
            }
        }
        throw new SdpException(line, "a=setup must be actpass, active, passive or holdconn");
    }
}
