package sabaq.media.sdp;

import java.util.Locale;

/**
 * What the SFU does with one offered m-section, chosen by the caller per mid:
 * <ul>
 *   <li>{@link #receive()}: the browser publishes, the SFU receives (answer {@code recvonly}; simulcast rids are
 *       answered {@code recv});</li>
 *   <li>{@link #send}: the browser subscribes, the SFU sends one track with the given SSRC (and RTX SSRC), announced
 *       with {@code a=msid} and {@code a=ssrc} lines (RFC 8830, RFC 5576) so the browser can map the track;</li>
 *   <li>{@link #inactive()}: neither (the m-section stays in the bundle, answered {@code inactive}).</li>
 * </ul>
 */
public final class MediaAnswer {
    /** The three choices. */
    public enum Mode { RECEIVE, SEND, INACTIVE }

    private static final MediaAnswer RECEIVE = new MediaAnswer(Mode.RECEIVE, -1, -1, null, null, null);
    private static final MediaAnswer INACTIVE = new MediaAnswer(Mode.INACTIVE, -1, -1, null, null, null);
    private static final long MAX_SSRC = 0xFFFF_FFFFL;
    private static final int MAX_MSID_ID_LENGTH = 64;

    private final Mode mode;
    private final long ssrc;
    private final long rtxSsrc;
    private final String cname;
    private final String streamId;
    private final String trackId;

    private MediaAnswer(Mode mode, long ssrc, long rtxSsrc, String cname, String streamId, String trackId) {
        this.mode = mode;
        this.ssrc = ssrc;
        this.rtxSsrc = rtxSsrc;
        this.cname = cname;
        this.streamId = streamId;
        this.trackId = trackId;
    }

    public static MediaAnswer receive() {
        return RECEIVE;
    }

    public static MediaAnswer inactive() {
        return INACTIVE;
    }

    /**
     * @param ssrc     the SSRC the SFU sends the track with (unsigned 32 bits)
     * @param rtxSsrc  the RTX SSRC, or null for none; ignored (with a warning) when RTX is not negotiated
     * @param cname    the RTCP CNAME (RFC 7022), visible ASCII without spaces
     * @param streamId the msid stream id (RFC 8830 msid-id: 1–64 token characters), the publishing participant
     * @param trackId  the msid track id (same syntax), the published track
     * @throws IllegalArgumentException for values that cannot be written into SDP
     */
    public static MediaAnswer send(long ssrc, Long rtxSsrc, String cname, String streamId, String trackId) {
        checkSsrc(ssrc);
        long rtx = -1;
        if (rtxSsrc != null) {
            rtx = rtxSsrc;
            checkSsrc(rtx);
            if (rtx == ssrc) {
                throw new IllegalArgumentException("rtx ssrc must differ from the media ssrc");
            }
        }
        if (cname == null || cname.isEmpty() || cname.length() > 255 || !cname.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("cname must be 1 to 255 visible ASCII characters");
        }
        checkMsidId(streamId, "streamId");
        checkMsidId(trackId, "trackId");
        return new MediaAnswer(Mode.SEND, ssrc, rtx, cname, streamId, trackId);
    }

    private static void checkSsrc(long ssrc) {
        if (ssrc < 0 || ssrc > MAX_SSRC) {
            throw new IllegalArgumentException("ssrc must be an unsigned 32-bit value: " + ssrc);
        }
    }

    private static void checkMsidId(String id, String what) {
        if (!SdpSyntax.isToken(id) || id.length() > MAX_MSID_ID_LENGTH) {
            throw new IllegalArgumentException(what + " must be 1 to 64 token characters (RFC 8830)");
        }
    }

    public Mode mode() {
        return mode;
    }

    /** The SFU's SSRC for {@link Mode#SEND}, else -1. */
    public long ssrc() {
        return ssrc;
    }

    /** The SFU's RTX SSRC for {@link Mode#SEND}, or -1 when none. */
    public long rtxSsrc() {
        return rtxSsrc;
    }

    public boolean hasRtx() {
        return rtxSsrc >= 0;
    }

    /** The CNAME for {@link Mode#SEND}, else null. */
    public String cname() {
        return cname;
    }

    /** The msid stream id for {@link Mode#SEND}, else null. */
    public String streamId() {
        return streamId;
    }

    /** The msid track id for {@link Mode#SEND}, else null. */
    public String trackId() {
        return trackId;
    }

    @Override
    public String toString() {
        return mode == Mode.SEND ? "send(" + ssrc + ", rtx " + rtxSsrc + ", " + streamId + " " + trackId + ")"
                : mode.name().toLowerCase(Locale.ROOT);
    }
}
