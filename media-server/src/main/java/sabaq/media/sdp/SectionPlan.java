package sabaq.media.sdp;

import java.util.List;

/**
 * How one offered m-section is answered: rejected (port 0, {@code codec} null) or accepted into the bundle with a
 * direction, codecs, header extensions, the rids the SFU receives (and the simulcast streams they form, empty when the
 * offer has no {@code a=simulcast}) and, when the SFU sends, the caller's {@link MediaAnswer} with the SSRCs.
 */
record SectionPlan(MediaDescription offer, String mid, Direction direction, CodecChoice codec,
                   HeaderExtensionSelector.Selection extensions, List<String> recvRids,
                   List<List<String>> simulcastRecv, MediaAnswer decision) {
    SectionPlan {
        recvRids = List.copyOf(recvRids);
        simulcastRecv = List.copyOf(simulcastRecv);
    }

    static SectionPlan rejected(MediaDescription offer, String mid) {
        return new SectionPlan(offer, mid, Direction.INACTIVE, null, null, List.of(), List.of(), MediaAnswer.inactive());
    }

    boolean isRejected() {
        return codec == null;
    }

    /** True when the answer announces the SFU's own SSRC for this section (it sends with RTX only if RTX is negotiated). */
    boolean sendsSsrc() {
        return direction == Direction.SENDONLY;
    }

    boolean sendsRtxSsrc() {
        return sendsSsrc() && decision.hasRtx() && codec.rtxPt() >= 0;
    }
}
