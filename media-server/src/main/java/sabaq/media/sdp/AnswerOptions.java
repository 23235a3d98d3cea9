package sabaq.media.sdp;

/**
 * Switches for what the answer negotiates, so features can be turned on as the SFU implements them. Each feedback
 * type is answered only when the offer has it for the chosen codec <em>and</em> it is enabled here (RFC 4585 section
 * 4.2: the answer may only keep offered feedback).
 *
 * @param nack        {@code a=rtcp-fb nack} (generic NACK, RFC 4585) on video
 * @param pli         {@code a=rtcp-fb nack pli} (RFC 4585) on video
 * @param fir         {@code a=rtcp-fb ccm fir} (RFC 5104) on video
 * @param remb        {@code a=rtcp-fb goog-remb} (draft-alvestrand-rmcat-remb) on video
 * @param transportCc {@code a=rtcp-fb transport-cc} on audio and video, and the transport-wide-cc header extension
 *                    (draft-holmer-rmcat-transport-wide-cc-extensions-01)
 * @param absSendTime the abs-send-time header extension (used with REMB)
 * @param rtx         the RTX payload type for VP8 (RFC 4588)
 * @param audioRed    RED for Opus (RFC 2198), listed first so Chrome sends it; off by default
 */
public record AnswerOptions(boolean nack, boolean pli, boolean fir, boolean remb, boolean transportCc,
                            boolean absSendTime, boolean rtx, boolean audioRed) {

    /** Everything on except audio RED. */
    public static AnswerOptions defaults() {
        return new AnswerOptions(true, true, true, true, true, true, true, false);
    }

    public AnswerOptions withNack(boolean on) {
        return new AnswerOptions(on, pli, fir, remb, transportCc, absSendTime, rtx, audioRed);
    }

    public AnswerOptions withPli(boolean on) {
        return new AnswerOptions(nack, on, fir, remb, transportCc, absSendTime, rtx, audioRed);
    }

    public AnswerOptions withFir(boolean on) {
        return new AnswerOptions(nack, pli, on, remb, transportCc, absSendTime, rtx, audioRed);
    }

    public AnswerOptions withRemb(boolean on) {
        return new AnswerOptions(nack, pli, fir, on, transportCc, absSendTime, rtx, audioRed);
    }

    public AnswerOptions withTransportCc(boolean on) {
        return new AnswerOptions(nack, pli, fir, remb, on, absSendTime, rtx, audioRed);
    }

    public AnswerOptions withAbsSendTime(boolean on) {
        return new AnswerOptions(nack, pli, fir, remb, transportCc, on, rtx, audioRed);
    }

    public AnswerOptions withRtx(boolean on) {
        return new AnswerOptions(nack, pli, fir, remb, transportCc, absSendTime, on, audioRed);
    }

    public AnswerOptions withAudioRed(boolean on) {
        return new AnswerOptions(nack, pli, fir, remb, transportCc, absSendTime, rtx, on);
    }
}
