package sabaq.media.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * The payload types answered for one m-section: the primary codec with its fmtp and feedback lines, its RTX payload
 * type and, for audio, a RED payload type (-1 when not answered).
 */
record CodecChoice(RtpCodec primary, String fmtp, List<String> feedback, FeedbackFlags flags, int rtxPt,
                   int redPt, String redFmtp) {
    CodecChoice {
        feedback = List.copyOf(feedback);
    }

    /** The payload types for the m-line in preference order: RED (so Chrome sends it), the codec, then RTX. */
    List<Integer> payloadTypes() {
        List<Integer> pts = new ArrayList<>(3);
        if (redPt >= 0) {
            pts.add(redPt);
        }
        pts.add(primary.pt());
        if (rtxPt >= 0) {
            pts.add(rtxPt);
        }
        return pts;
    }
}
