package sabaq.media.bot;

import sabaq.common.media.TrackKind;
import sabaq.media.sdp.HeaderExtensionUris;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes a Unified Plan SDP offer (RFC 8829 JSEP, RFC 8843 BUNDLE) shaped like Chromium 156's: one m-line per
 * {@link BotTrack}, all bundled on one ICE/DTLS transport ({@code a=rtcp-mux}, {@code a=rtcp-rsize},
 * {@code a=setup:actpass}, RFC 5763), one UDP host candidate, Chrome's header extension ids and Opus 111 / VP8 96
 * (RTX 97) as the preferred codecs with a few others after them. Send tracks carry {@code a=msid}; single-stream send
 * tracks declare their SSRCs ({@code a=ssrc}, RFC 5576, with an {@code a=ssrc-group:FID} RTX pair for video, RFC 4588),
 * simulcast tracks only {@code a=rid}/{@code a=simulcast} (RFC 8851, RFC 8853) like Chrome.
 */
final class OfferWriter {
    /** Chrome's extension ids (see shared/fixtures/chromium-156-simulcast-offer.sdp). */
    static final int AUDIO_LEVEL_ID = 1;
    static final int ABS_SEND_TIME_ID = 2;
    static final int TRANSPORT_CC_ID = 3;
    static final int MID_ID = 4;
    static final int RID_ID = 10;
    static final int REPAIRED_RID_ID = 11;
    static final int VIDEO_ORIENTATION_ID = 13;

    static final int OPUS_PT = 111;
    static final int VP8_PT = 96;
    static final int VP8_RTX_PT = 97;

    /** Per send track: the SSRCs to declare (media, then RTX for video); absent for simulcast and receive tracks. */
    record Params(String iceUfrag, String icePwd, String fingerprintSdpValue, String host, int port, long sessionId,
                  long version, String cname, String streamId, List<BotTrack> tracks, Map<String, long[]> ssrcs) {
    }

    private final StringBuilder out = new StringBuilder(4096);

    static String write(Params p) {
        return new OfferWriter().offer(p);
    }

    private String offer(Params p) {
        line("v=0");
        line("o=- " + p.sessionId() + " " + p.version() + " IN IP4 127.0.0.1");
        line("s=-");
        line("t=0 0");
        StringJoiner bundle = new StringJoiner(" ", "a=group:BUNDLE ", "");
        p.tracks().forEach(t -> bundle.add(t.mid()));
        line(bundle.toString());
        line("a=extmap-allow-mixed");
        line("a=msid-semantic: WMS " + p.streamId());
        for (BotTrack t : p.tracks()) {
            if (t.kind() == TrackKind.AUDIO) {
                line("m=audio " + p.port() + " UDP/TLS/RTP/SAVPF " + OPUS_PT + " 9 0 8");
            } else {
                line("m=video " + p.port() + " UDP/TLS/RTP/SAVPF " + VP8_PT + " " + VP8_RTX_PT + " 102 103");
            }
            transport(p, t);
            if (t.kind() == TrackKind.AUDIO) {
                audio(p, t);
            } else {
                video(p, t);
            }
        }
        return out.toString();
    }

    private void transport(Params p, BotTrack t) {
        line("c=IN IP4 " + p.host());
        line("a=rtcp:9 IN IP4 0.0.0.0");
        line("a=candidate:1 1 udp 2122194687 " + p.host() + " " + p.port() + " typ host generation 0 network-id 1");
        line("a=ice-ufrag:" + p.iceUfrag());
        line("a=ice-pwd:" + p.icePwd());
        line("a=ice-options:trickle");
        line("a=fingerprint:" + p.fingerprintSdpValue());
        line("a=setup:actpass");
        line("a=mid:" + t.mid());
    }

    private void audio(Params p, BotTrack t) {
        extmap(AUDIO_LEVEL_ID, HeaderExtensionUris.AUDIO_LEVEL);
        extmap(ABS_SEND_TIME_ID, HeaderExtensionUris.ABS_SEND_TIME);
        extmap(TRANSPORT_CC_ID, HeaderExtensionUris.TRANSPORT_CC);
        extmap(MID_ID, HeaderExtensionUris.MID);
        direction(p, t);
        line("a=rtcp-mux");
        line("a=rtcp-rsize");
        line("a=rtpmap:" + OPUS_PT + " opus/48000/2");
        line("a=rtcp-fb:" + OPUS_PT + " transport-cc");
        line("a=fmtp:" + OPUS_PT + " minptime=10;useinbandfec=1");
        line("a=rtpmap:9 G722/8000");
        line("a=rtpmap:0 PCMU/8000");
        line("a=rtpmap:8 PCMA/8000");
        long[] ssrcs = p.ssrcs().get(t.mid());
        if (t.send() && ssrcs != null) {
            ssrcLines(p, t, ssrcs[0]);
        }
    }

    private void video(Params p, BotTrack t) {
        extmap(ABS_SEND_TIME_ID, HeaderExtensionUris.ABS_SEND_TIME);
        extmap(VIDEO_ORIENTATION_ID, "urn:3gpp:video-orientation");
        extmap(TRANSPORT_CC_ID, HeaderExtensionUris.TRANSPORT_CC);
        extmap(MID_ID, HeaderExtensionUris.MID);
        extmap(RID_ID, HeaderExtensionUris.RTP_STREAM_ID);
        extmap(REPAIRED_RID_ID, HeaderExtensionUris.REPAIRED_RTP_STREAM_ID);
        direction(p, t);
        line("a=rtcp-mux");
        line("a=rtcp-rsize");
        videoCodec(VP8_PT, VP8_RTX_PT, "VP8/90000", null);
        videoCodec(102, 103, "H264/90000", "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f");
        long[] ssrcs = p.ssrcs().get(t.mid());
        if (t.simulcast()) {
            for (String rid : t.rids()) {
                line("a=rid:" + rid + " send");
            }
            line("a=simulcast:send " + String.join(";", t.rids()));
        } else if (t.send() && ssrcs != null) {
            line("a=ssrc-group:FID " + ssrcs[0] + " " + ssrcs[1]);
            ssrcLines(p, t, ssrcs[0]);
            ssrcLines(p, t, ssrcs[1]);
        }
    }

    private void videoCodec(int pt, int rtxPt, String rtpmap, String fmtp) {
        line("a=rtpmap:" + pt + " " + rtpmap);
        for (String fb : List.of("goog-remb", "transport-cc", "ccm fir", "nack", "nack pli")) {
            line("a=rtcp-fb:" + pt + " " + fb);
        }
        if (fmtp != null) {
            line("a=fmtp:" + pt + " " + fmtp);
        }
        line("a=rtpmap:" + rtxPt + " rtx/90000");
        line("a=fmtp:" + rtxPt + " apt=" + pt);
    }

    private void direction(Params p, BotTrack t) {
        if (t.send()) {
            line("a=sendonly");
            line("a=msid:" + p.streamId() + " " + t.trackId());
        } else {
            line("a=recvonly");
        }
    }

    private void ssrcLines(Params p, BotTrack t, long ssrc) {
        line("a=ssrc:" + ssrc + " cname:" + p.cname());
        line("a=ssrc:" + ssrc + " msid:" + p.streamId() + " " + t.trackId());
    }

    private void extmap(int id, String uri) {
        line("a=extmap:" + id + " " + uri);
    }

    private void line(String s) {
        out.append(s).append("\r\n");
    }
}
