package sabaq.media.sdp;

/**
 * The RTP header extension ids (RFC 8285) negotiated for one m-section, as the browser numbered them in its offer;
 * -1 for an extension that was not negotiated.
 */
public record ExtensionIds(int mid, int rid, int repairedRid, int audioLevel, int transportCc, int absSendTime) {
    /** No extension negotiated. */
    public static final ExtensionIds NONE = new ExtensionIds(-1, -1, -1, -1, -1, -1);
}
