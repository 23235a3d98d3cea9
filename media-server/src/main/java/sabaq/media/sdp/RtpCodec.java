package sabaq.media.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One payload type of an RTP m-line, assembled from {@code a=rtpmap:<pt> <name>/<clock>[/<channels>]} (RFC 8866
 * section 6.6), {@code a=fmtp:<pt> <params>} and every {@code a=rtcp-fb:<pt>} / {@code a=rtcp-fb:*} line (RFC 4585
 * section 4.2). {@code channels} is 1 when the rtpmap does not say. fmtp parameters are split on ';'; a parameter
 * without '=' (such as RED's {@code 111/111}, RFC 2198) is a key with an empty value.
 */
public record RtpCodec(int pt, String name, int clockRate, int channels, Map<String, String> fmtp, List<String> rtcpFb) {
    public RtpCodec {
        fmtp = Collections.unmodifiableMap(new LinkedHashMap<>(fmtp));
        rtcpFb = List.copyOf(rtcpFb);
    }

    /** True when the encoding name matches, ignoring case (RFC 8866: names are case-insensitive). */
    public boolean is(String encodingName) {
        return name.equalsIgnoreCase(encodingName);
    }

    /** The payload type an RTX codec repairs ({@code apt}, RFC 4588 section 8.6), or -1 when absent or not a payload type. */
    public int apt() {
        String apt = fmtp.get("apt");
        if (apt == null || apt.isEmpty() || apt.length() > 3) {
            return -1;
        }
        for (int i = 0; i < apt.length(); i++) {
            if (apt.charAt(i) < '0' || apt.charAt(i) > '9') {
                return -1;
            }
        }
        int value = Integer.parseInt(apt);
        return value <= 127 ? value : -1;
    }

    /** True when an {@code a=rtcp-fb} value such as {@code "nack pli"} was offered for this codec (case-insensitive). */
    public boolean hasFeedback(String feedback) {
        for (String fb : rtcpFb) {
            if (fb.equalsIgnoreCase(feedback)) {
                return true;
            }
        }
        return false;
    }
}
