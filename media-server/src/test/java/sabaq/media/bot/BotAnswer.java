package sabaq.media.bot;

import sabaq.media.dtls.DtlsFingerprint;
import sabaq.media.sdp.Attribute;
import sabaq.media.sdp.Direction;
import sabaq.media.sdp.HeaderExtensionUris;
import sabaq.media.sdp.MediaDescription;
import sabaq.media.sdp.RtpCodec;
import sabaq.media.sdp.SdpException;
import sabaq.media.sdp.SdpParser;
import sabaq.media.sdp.SessionDescription;
import sabaq.media.sdp.SsrcGroup;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a bot needs from the SFU's SDP answer, read with our own {@link SdpParser}: the SFU's ICE credentials,
 * DTLS fingerprint and UDP host candidate (ICE-lite, RFC 8445 section 2.5, so the candidate is the only address),
 * and per m-line the chosen payload types, header extension ids and the SSRCs the SFU will send from.
 */
public record BotAnswer(String iceUfrag, String icePwd, DtlsFingerprint fingerprint, InetSocketAddress candidate,
                        boolean iceLite, Map<String, Section> sections) {

    /**
     * One answered m-line.
     *
     * @param accepted   false when the SFU rejected it (port 0) or answered it inactive
     * @param ssrc       the SFU's media SSRC for a receive track ({@code a=ssrc}), or -1
     * @param rtxSsrc    its RTX SSRC ({@code a=ssrc-group:FID}), or -1
     * @param extensions header extension URI to id, as answered
     */
    public record Section(String mid, boolean accepted, String direction, int payloadType, int rtxPayloadType,
                          boolean nack, boolean pli, long ssrc, long rtxSsrc, Map<String, Integer> extensions) {

        /** The answered id of a header extension, or -1 when it was not answered. */
        public int extensionId(String uri) {
            return extensions.getOrDefault(uri, -1);
        }

        public int transportCcId() {
            return extensionId(HeaderExtensionUris.TRANSPORT_CC);
        }
    }

    /** Parses an answer. @throws IllegalArgumentException when it is not usable SDP for a bot */
    public static BotAnswer parse(String sdp) {
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
            String mid = m.mid().orElseThrow(() -> new IllegalArgumentException("answer m-line without a=mid"));
            boolean accepted = m.port() != 0 && m.direction() != Direction.INACTIVE;
            if (m.port() != 0) {
                ufrag = m.iceUfrag().orElse(ufrag);
                pwd = m.icePwd().orElse(pwd);
                if (m.fingerprint().isPresent()) {
                    fp = DtlsFingerprint.parse(m.fingerprint().get().algorithm() + " " + m.fingerprint().get().value())
                            .orElse(fp);
                }
                candidate = udpCandidate(m).orElse(candidate);
            }
            sections.put(mid, section(mid, accepted, m));
        }
        if (ufrag == null || pwd == null || fp == null || candidate == null) {
            throw new IllegalArgumentException("answer lacks ICE credentials, fingerprint or a UDP candidate");
        }
        return new BotAnswer(ufrag, pwd, fp, candidate, d.iceLite(), Map.copyOf(sections));
    }

    public Section section(String mid) {
        Section s = sections.get(mid);
        if (s == null) throw new IllegalArgumentException("no m-line " + mid + " in the answer");
        return s;
    }

    private static Section section(String mid, boolean accepted, MediaDescription m) {
        int pt = m.payloadTypes().isEmpty() ? -1 : m.payloadTypes().get(0);
        int rtxPt = pt < 0 ? -1 : m.rtxPayloadTypeFor(pt);
        Optional<RtpCodec> codec = pt < 0 ? Optional.empty() : m.codec(pt);
        boolean nack = codec.map(c -> c.hasFeedback("nack")).orElse(false);
        boolean pli = codec.map(c -> c.hasFeedback("nack pli")).orElse(false);
        long ssrc = -1;
        long rtxSsrc = -1;
        for (SsrcGroup g : m.ssrcGroups()) {
            if (g.isFid() && g.ssrcs().size() == 2) {
                ssrc = g.ssrcs().get(0);
                rtxSsrc = g.ssrcs().get(1);
            }
        }
        if (ssrc < 0 && !m.ssrcs().isEmpty()) {
            ssrc = m.ssrcs().keySet().iterator().next();
        }
        Map<String, Integer> ext = new LinkedHashMap<>();
        m.extMaps().forEach(e -> ext.put(e.uri(), e.id()));
        return new Section(mid, accepted, m.direction().sdpName(), pt, rtxPt, nack, pli, ssrc, rtxSsrc, Map.copyOf(ext));
    }

    /** {@code a=candidate:<foundation> 1 udp <priority> <ip> <port> typ host}. */
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
