package sabaq.common.media;

/** State of a peer's media transport as the SFU sees it. */
public enum MediaConnectionState {
    /** Created, no valid STUN request yet. */
    NEW,
    /** ICE done, DTLS handshake running. */
    CONNECTING,
    /** DTLS done, SRTP keys in place: media flows. */
    CONNECTED,
    /** No packet from the peer for the configured timeout. */
    DISCONNECTED,
    /** DTLS failed (e.g. wrong fingerprint) or the peer was closed. */
    FAILED,
    CLOSED
}
