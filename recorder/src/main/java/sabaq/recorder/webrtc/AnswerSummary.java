package sabaq.recorder.webrtc;

import sabaq.media.dtls.DtlsFingerprint;
import sabaq.media.sdp.Attribute;
import sabaq.media.sdp.Direction;
import sabaq.media.sdp.MediaDescription;
import sabaq.media.sdp.SdpException;
import sabaq.media.sdp.SdpParser;
import sabaq.media.sdp.SessionDescription;
import sabaq.media.sdp.SsrcGroup;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the recorder needs from the SFU's SDP answer (read with the media server's {@link SdpParser}): ICE credentials,
 * DTLS fingerprint and the UDP host candidate (the SFU is ICE-lite, RFC 8445 section 2.5, so that is its only
 * address), and per m-line whether it is sending, its payload types and the SSRCs it sends from ({@code a=ssrc},
 * RTX pair in {@code a=ssrc-group:FID}, RFC 5576/4588).
 */
public record AnswerSummary(String iceUfrag, String icePwd, DtlsFingerprint fingerprint, InetSocketAddress candidate,
                            Map<String, Section> sections) {

    /** One answered m-line; {@code ssrc} and {@code rtxSsrc} are -1 when absent. */
    public record Section(String mid, boolean sending, int payloadType, int rtxPayloadType, long ssrc, long rtxSsrc) {
    }

    /** True when the answer names the SFU's ICE credentials, fingerprint and UDP candidate. */
    public boolean hasTransport() {
        return iceUfrag != null && icePwd != null && fingerprint != null && candidate != null;
    }

    /** @throws IllegalArgumentException when the answer is not SDP */
    public static AnswerSummary parse(String sdp) {
        SessionDescription d;
        try {
            d = SdpParser.parse(sdp);
        } catch (SdpException e) {
            throw new IllegalArgumentException("unparseable answer: " + e.getMessage(), e);
        }
        String ufrag = null;
        String pwd = null;
        DtlsFingerprint fp = null;
        InetSocketAddress candidate = null;
        Map<String, Section> sections = new LinkedHashMap<>();
        for (MediaDescription m : d.media()) {
            String mid = m.mid().orElse(null);
            if (mid == null) continue;
            if (m.port() != 0) {
                ufrag = m.iceUfrag().orElse(ufrag);
                pwd = m.icePwd().orElse(pwd);
                if (m.fingerprint().isPresent()) {
                    fp = DtlsFingerprint.parse(m.fingerprint().get().algorithm() + " " + m.fingerprint().get().value())
                            .orElse(fp);
                }
                candidate = udpCandidate(m).orElse(candidate);
            }
            boolean sending = m.port() != 0 && (m.direction() == Direction.SENDONLY || m.direction() == Direction.SENDRECV);
            int pt = m.payloadTypes().isEmpty() ? -1 : m.payloadTypes().get(0);
            int rtxPt = pt < 0 ? -1 : m.rtxPayloadTypeFor(pt);
            long ssrc = -1;
            long rtx = -1;
            for (SsrcGroup g : m.ssrcGroups()) {
                if (g.isFid() && g.ssrcs().size() == 2) {
                    ssrc = g.ssrcs().get(0);
                    rtx = g.ssrcs().get(1);
                }
            }
            if (ssrc < 0 && !m.ssrcs().isEmpty()) ssrc = m.ssrcs().keySet().iterator().next();
            sections.put(mid, new Section(mid, sending, pt, rtxPt, ssrc, rtx));
        }
        return new AnswerSummary(ufrag, pwd, fp, candidate, Map.copyOf(sections));
    }

    private static Optional<InetSocketAddress> udpCandidate(MediaDescription m) {
        for (Attribute a : m.attributes()) {
            if (!a.name().equals("candidate") || a.value() == null) continue;
            String[] f = a.value().trim().split("\\s+");
            if (f.length >= 8 && f[2].equalsIgnoreCase("udp") && f[6].equals("typ")) {
                try {
                    return Optional.of(new InetSocketAddress(f[4], Integer.parseInt(f[5])));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
