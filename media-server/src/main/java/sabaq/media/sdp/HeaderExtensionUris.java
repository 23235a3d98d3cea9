package sabaq.media.sdp;

/** URIs of the RTP header extensions (RFC 8285) the SFU negotiates. */
public final class HeaderExtensionUris {
    /** Audio level of the packet (RFC 6464). */
    public static final String AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    /** The m-section a packet belongs to, for BUNDLE demultiplexing (RFC 9143 section 15). */
    public static final String MID = "urn:ietf:params:rtp-hdrext:sdes:mid";
    /** The rid of a simulcast layer (RFC 8852). */
    public static final String RTP_STREAM_ID = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
    /** The rid an RTX packet repairs (RFC 8852). */
    public static final String REPAIRED_RTP_STREAM_ID = "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";
    /** Transport-wide sequence numbers for transport-cc feedback. */
    public static final String TRANSPORT_CC = "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
    /** Absolute send time, used by receive-side (REMB) bandwidth estimation. */
    public static final String ABS_SEND_TIME = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";

    private HeaderExtensionUris() {
    }
}
