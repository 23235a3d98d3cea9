package sabaq.media.dtls;

/** Why a DTLS session ended without keys, or why an established association ended. */
public enum DtlsFailure {
    /** The peer's certificate does not hash to the {@code a=fingerprint} of its SDP (RFC 8122 section 5). */
    FINGERPRINT_MISMATCH,
    /** The peer sent no certificate, so there is nothing to check against the SDP fingerprint (RFC 5763 section 5). */
    NO_CERTIFICATE,
    /** The peer offered no use_srtp profile that we allow, or answered with one we did not offer (RFC 5764 4.1). */
    NO_SRTP_PROFILE,
    /** The peer did not negotiate extended master secret (RFC 7627), without which keys must not be exported. */
    NO_EXTENDED_MASTER_SECRET,
    /** The handshake did not finish within {@link DtlsConfig#handshakeTimeout()}. */
    TIMEOUT,
    /** A fatal alert was sent or received (RFC 5246 section 7.2). */
    ALERT,
    /** The session was closed locally, or the peer sent close_notify. */
    CLOSED,
    /** Anything else: an unexpected exception in Bouncy Castle, the sender or the executor. */
    INTERNAL
}
