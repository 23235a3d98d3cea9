package sabaq.media.sdp;

import java.util.List;
import java.util.StringJoiner;

/**
 * Writes the answer text, CRLF-terminated (RFC 8866 section 5), in the shape Chrome accepts for an ICE-lite
 * (RFC 8445 section 2.5) DTLS server: {@code a=ice-lite}, BUNDLE of the accepted mids (RFC 9143), and in every
 * accepted m-section the shared transport ({@code a=setup:passive}, RFC 5763 section 5; one UDP host candidate and
 * optionally an ICE-TCP passive one, RFC 6544; {@code a=end-of-candidates}, RFC 8840). Rejected m-sections get port 0
 * and stay out of the BUNDLE group (RFC 9143 section 7.3.3).
 */
final class AnswerWriter {
    /** RFC 8445 section 5.1.2.1: type preference 126 (host), local preference 65535, component 1. */
    static final long UDP_HOST_PRIORITY = (126L << 24) + (65535L << 8) + 255;
    /** RFC 6544 section 4.2: host type, local preference 2^13 * 4 (passive direction) + 8191, component 1. */
    static final long TCP_PASSIVE_HOST_PRIORITY = (126L << 24) + ((4L * 8192 + 8191) << 8) + 255;

    private final LocalTransport local;
    private final StringBuilder out = new StringBuilder(2048);

    AnswerWriter(LocalTransport local) {
        this.local = local;
    }

    String write(SessionDescription offer, List<SectionPlan> plans) {
        line("v=0");
        line("o=- " + local.sessionId() + " " + local.sessionVersion() + " IN IP4 127.0.0.1");
        line("s=-");
        line("t=0 0");
        StringJoiner bundle = new StringJoiner(" ", "a=group:BUNDLE ", "");
        boolean anyAccepted = false;
        boolean anySending = false;
        for (SectionPlan plan : plans) {
            if (!plan.isRejected()) {
                bundle.add(plan.mid());
                anyAccepted = true;
                anySending |= plan.sendsSsrc();
            }
        }
        if (anyAccepted) {
            line(bundle.toString());
        }
        if (offer.extmapAllowMixed()) {
            line("a=extmap-allow-mixed");
        }
        line("a=ice-lite");
        if (anySending) {
            line("a=msid-semantic: WMS *");
        }
        for (SectionPlan plan : plans) {
            if (plan.isRejected()) {
                rejected(plan);
            } else {
                accepted(plan);
            }
        }
        return out.toString();
    }

    private void rejected(SectionPlan plan) {
        MediaDescription m = plan.offer();
        line("m=" + m.media() + " 0 " + m.proto() + " " + m.formats().get(0));
        line("c=IN IP4 0.0.0.0");
        if (m.isRtp()) {
            line("a=inactive");
        }
        line("a=mid:" + plan.mid());
    }

    private void accepted(SectionPlan plan) {
        MediaDescription m = plan.offer();
        CodecChoice codec = plan.codec();
        StringJoiner pts = new StringJoiner(" ");
        codec.payloadTypes().forEach(pt -> pts.add(Integer.toString(pt)));
        HostCandidate udp = local.udp();
        line("m=" + m.kind().sdpName() + " 9 " + SdpAnswerBuilder.PROTO + " " + pts);
        line("c=IN " + (udp.isIpv6() ? "IP6 " : "IP4 ") + udp.ip());
        line("a=rtcp:9 IN IP4 0.0.0.0");
        int foundation = 1;
        for (int i = 0; i < local.udpCandidates().size(); i++) {
            HostCandidate c = local.udpCandidates().get(i);
            line("a=candidate:" + foundation++ + " 1 udp " + (UDP_HOST_PRIORITY - (long) i * 256) + " " + c.ip() + " "
                    + c.port() + " typ host");
        }
        for (int i = 0; i < local.tcpCandidates().size(); i++) {
            HostCandidate c = local.tcpCandidates().get(i);
            line("a=candidate:" + foundation++ + " 1 tcp " + (TCP_PASSIVE_HOST_PRIORITY - (long) i * 256) + " " + c.ip()
                    + " " + c.port() + " typ host tcptype passive");
        }
        line("a=end-of-candidates");
        line("a=ice-ufrag:" + local.iceUfrag());
        line("a=ice-pwd:" + local.icePwd());
        line("a=fingerprint:sha-256 " + local.fingerprintSha256());
        line("a=setup:passive");
        line("a=mid:" + plan.mid());
        for (ExtMap e : plan.extensions().answered()) {
            line("a=extmap:" + e.id() + (e.direction() == null ? "" : "/" + e.direction().sdpName()) + " " + e.uri());
        }
        line("a=" + plan.direction().sdpName());
        MediaAnswer send = plan.decision();
        if (plan.sendsSsrc()) {
            line("a=msid:" + send.streamId() + " " + send.trackId());
        }
        line("a=rtcp-mux");
        if (m.rtcpRsize()) {
            line("a=rtcp-rsize");
        }
        if (m.extmapAllowMixed()) {
            line("a=extmap-allow-mixed");
        }
        codecs(m, codec);
        for (String rid : plan.recvRids()) {
            line("a=rid:" + rid + " recv");
        }
        if (!plan.simulcastRecv().isEmpty()) {
            StringJoiner streams = new StringJoiner(";", "a=simulcast:recv ", "");
            plan.simulcastRecv().forEach(stream -> streams.add(String.join(",", stream)));
            line(streams.toString());
        }
        if (plan.sendsSsrc()) {
            ssrcs(send, plan.sendsRtxSsrc());
        }
    }

    private void codecs(MediaDescription m, CodecChoice codec) {
        if (codec.redPt() >= 0) {
            line("a=rtpmap:" + codec.redPt() + " red/48000/2");
            line("a=fmtp:" + codec.redPt() + " " + codec.redFmtp());
        }
        RtpCodec primary = codec.primary();
        String channels = m.kind() == MediaKind.AUDIO ? "/" + primary.channels() : "";
        line("a=rtpmap:" + primary.pt() + " " + primary.name() + "/" + primary.clockRate() + channels);
        for (String fb : codec.feedback()) {
            line("a=rtcp-fb:" + primary.pt() + " " + fb);
        }
        if (codec.fmtp() != null) {
            line("a=fmtp:" + primary.pt() + " " + codec.fmtp());
        }
        if (codec.rtxPt() >= 0) {
            line("a=rtpmap:" + codec.rtxPt() + " rtx/" + primary.clockRate());
            line("a=fmtp:" + codec.rtxPt() + " apt=" + primary.pt());
        }
    }

    /** RFC 5576 ssrc lines with cname and msid, preceded by the FID group pairing the RTX SSRC (RFC 4588 section 8.7). */
    private void ssrcs(MediaAnswer send, boolean withRtx) {
        if (withRtx) {
            line("a=ssrc-group:FID " + send.ssrc() + " " + send.rtxSsrc());
        }
        ssrcLines(send.ssrc(), send);
        if (withRtx) {
            ssrcLines(send.rtxSsrc(), send);
        }
    }

    private void ssrcLines(long ssrc, MediaAnswer send) {
        line("a=ssrc:" + ssrc + " cname:" + send.cname());
        line("a=ssrc:" + ssrc + " msid:" + send.streamId() + " " + send.trackId());
    }

    private void line(String text) {
        out.append(text).append("\r\n");
    }
}
