package sabaq.media.sdp;

/** The {@code <media>} field of an m-line (RFC 8866 section 5.14). Anything else than the three WebRTC kinds is {@link #OTHER}. */
public enum MediaKind {
    AUDIO("audio"), VIDEO("video"), APPLICATION("application"), OTHER(null);

    private final String sdpName;

    MediaKind(String sdpName) {
        this.sdpName = sdpName;
    }

    /** The SDP spelling, or null for {@link #OTHER} (use {@link MediaDescription#media()} then). */
    public String sdpName() {
        return sdpName;
    }

    static MediaKind fromSdp(String media) {
        for (MediaKind kind : values()) {
            if (kind.sdpName != null && kind.sdpName.equals(media)) {
                return kind;
            }
        }
        return OTHER;
    }
}
