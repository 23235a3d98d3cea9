package sabaq.recorder.webrtc;

import sabaq.common.media.TrackKind;

import java.util.List;
import java.util.StringJoiner;

/**
 * Writes the recorder's SDP offer (RFC 8829 JSEP, Unified Plan): one {@code recvonly} m-line per {@link ReceiveSlot}
 * ({@code inactive} for slots no longer wanted, so mids stay stable), all bundled on one ICE/DTLS transport
 * (RFC 8843 BUNDLE, {@code a=rtcp-mux}), DTLS role {@code actpass} (the SFU answers passive, RFC 5763), one UDP host
 * candidate. Codecs are those the recorder can store without re-encoding: Opus 111 and VP8 96 with RTX 97
 * (RFC 4588), with NACK and PLI feedback (RFC 4585) so losses can be repaired and key frames requested.
 */
public final class RecvOnlyOffer {
    public static final int OPUS_PT = 111;
    public static final int VP8_PT = 96;
    public static final int VP8_RTX_PT = 97;
    static final int MID_EXTENSION_ID = 4;

    /** Our transport description. */
    public record Transport(String iceUfrag, String icePwd, String fingerprint, String host, int port, long sessionId) {
    }

    private RecvOnlyOffer() {
    }

    public static String write(Transport t, long version, List<ReceiveSlot> slots) {
        StringBuilder out = new StringBuilder(1024 + 700 * slots.size());
        line(out, "v=0");
        line(out, "o=- " + t.sessionId() + " " + version + " IN IP4 127.0.0.1");
        line(out, "s=-");
        line(out, "t=0 0");
        StringJoiner bundle = new StringJoiner(" ", "a=group:BUNDLE ", "");
        slots.forEach(s -> bundle.add(s.mid()));
        if (!slots.isEmpty()) line(out, bundle.toString());
        line(out, "a=msid-semantic: WMS");
        for (ReceiveSlot s : slots) {
            if (s.kind() == TrackKind.AUDIO) {
                line(out, "m=audio " + t.port() + " UDP/TLS/RTP/SAVPF " + OPUS_PT);
            } else {
                line(out, "m=video " + t.port() + " UDP/TLS/RTP/SAVPF " + VP8_PT + " " + VP8_RTX_PT);
            }
            line(out, "c=IN IP4 " + t.host());
            line(out, "a=rtcp:9 IN IP4 0.0.0.0");
            line(out, "a=candidate:1 1 udp 2122194687 " + t.host() + " " + t.port() + " typ host generation 0");
            line(out, "a=ice-ufrag:" + t.iceUfrag());
            line(out, "a=ice-pwd:" + t.icePwd());
            line(out, "a=fingerprint:" + t.fingerprint());
            line(out, "a=setup:actpass");
            line(out, "a=mid:" + s.mid());
            line(out, "a=extmap:" + MID_EXTENSION_ID + " urn:ietf:params:rtp-hdrext:sdes:mid");
            line(out, s.active() ? "a=recvonly" : "a=inactive");
            line(out, "a=rtcp-mux");
            line(out, "a=rtcp-rsize");
            if (s.kind() == TrackKind.AUDIO) {
                line(out, "a=rtpmap:" + OPUS_PT + " opus/48000/2");
                line(out, "a=fmtp:" + OPUS_PT + " minptime=10;useinbandfec=1");
            } else {
                line(out, "a=rtpmap:" + VP8_PT + " VP8/90000");
                line(out, "a=rtcp-fb:" + VP8_PT + " ccm fir");
                line(out, "a=rtcp-fb:" + VP8_PT + " nack");
                line(out, "a=rtcp-fb:" + VP8_PT + " nack pli");
                line(out, "a=rtpmap:" + VP8_RTX_PT + " rtx/90000");
                line(out, "a=fmtp:" + VP8_RTX_PT + " apt=" + VP8_PT);
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String s) {
        out.append(s).append("\r\n");
    }
}
