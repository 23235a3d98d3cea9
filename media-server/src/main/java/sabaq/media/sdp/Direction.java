package sabaq.media.sdp;

/**
 * Media direction attributes of RFC 8866 section 6.7, seen from the side that wrote the description: in an offer
 * {@code SENDONLY} means the browser sends; in our answer {@code RECVONLY} means the SFU receives.
 */
public enum Direction {
    SENDRECV("sendrecv"), SENDONLY("sendonly"), RECVONLY("recvonly"), INACTIVE("inactive");

    private final String sdpName;

    Direction(String sdpName) {
        this.sdpName = sdpName;
    }

    public String sdpName() {
        return sdpName;
    }

    /** True when the writer of the description sends media in this direction. */
    public boolean sends() {
        return this == SENDRECV || this == SENDONLY;
    }

    /** True when the writer of the description receives media in this direction. */
    public boolean receives() {
        return this == SENDRECV || this == RECVONLY;
    }

    /** The direction seen from the other side (sendonly becomes recvonly). */
    public Direction reversed() {
        if (this == SENDONLY) {
            return RECVONLY;
        }
        if (this == RECVONLY) {
            return SENDONLY;
        }
        return this;
    }

    /** The direction for an attribute name, or null when the name is not a direction. */
    static Direction fromSdp(String name) {
        for (Direction d : values()) {
            if (d.sdpName.equals(name)) {
                return d;
            }
        }
        return null;
    }
}
