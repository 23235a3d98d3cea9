package sabaq.media.sdp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed m-section (RFC 8866 section 5.14) with the attributes WebRTC uses typed: mid (RFC 5888/9143), direction,
 * ICE credentials (RFC 8839), DTLS fingerprint and setup (RFC 8122, RFC 4145), rtcp-mux (RFC 5761), rtcp-rsize
 * (RFC 5506), codecs, header extensions (RFC 8285), rids (RFC 8851), simulcast (RFC 8853), ssrc attributes and groups
 * (RFC 5576) and msid (RFC 8830). Immutable.
 *
 * <p>ICE credentials, fingerprint and setup are <em>resolved</em>: the m-section's own value, else the session-level
 * one. The direction is {@code sendrecv} when the section has no direction attribute (RFC 8866 section 6.7). Every
 * {@code a=} line, interpreted or not, is also in {@link #attributes()}.
 */
public final class MediaDescription {
    private final int lineNumber;
    private final String media;
    private final MediaKind kind;
    private final int port;
    private final String proto;
    private final boolean rtp;
    private final List<String> formats;
    private final List<Integer> payloadTypes;
    private final String mid;
    private final Direction direction;
    private final String iceUfrag;
    private final String icePwd;
    private final Fingerprint fingerprint;
    private final Setup setup;
    private final boolean rtcpMux;
    private final boolean rtcpRsize;
    private final boolean extmapAllowMixed;
    private final List<RtpCodec> codecs;
    private final List<ExtMap> extMaps;
    private final List<Rid> rids;
    private final Simulcast simulcast;
    private final Map<Long, Map<String, String>> ssrcs;
    private final List<SsrcGroup> ssrcGroups;
    private final Msid msid;
    private final List<Attribute> attributes;

    MediaDescription(MediaSectionParser p, TransportAttributes session) {
        lineNumber = p.line;
        media = p.media;
        kind = p.kind;
        port = p.port;
        proto = p.proto;
        rtp = p.rtp;
        formats = List.copyOf(p.formats);
        payloadTypes = List.copyOf(p.payloadTypes);
        mid = p.mid;
        direction = p.direction == null ? Direction.SENDRECV : p.direction;
        iceUfrag = p.transport.iceUfrag != null ? p.transport.iceUfrag : session.iceUfrag;
        icePwd = p.transport.icePwd != null ? p.transport.icePwd : session.icePwd;
        fingerprint = p.transport.fingerprint != null ? p.transport.fingerprint : session.fingerprint;
        setup = p.transport.setup != null ? p.transport.setup : session.setup;
        rtcpMux = p.rtcpMux;
        rtcpRsize = p.rtcpRsize;
        extmapAllowMixed = p.extmapAllowMixed;
        codecs = List.copyOf(p.codecs());
        extMaps = List.copyOf(p.extMaps);
        rids = List.copyOf(p.rids);
        simulcast = p.simulcast;
        Map<Long, Map<String, String>> ssrcCopy = new LinkedHashMap<>();
        p.ssrcs.forEach((ssrc, attrs) -> ssrcCopy.put(ssrc, Collections.unmodifiableMap(new LinkedHashMap<>(attrs))));
        ssrcs = Collections.unmodifiableMap(ssrcCopy);
        ssrcGroups = List.copyOf(p.ssrcGroups);
        msid = p.msid;
        attributes = List.copyOf(p.attributes);
    }

    /** The 1-based line number of the m-line in the parsed text. */
    public int lineNumber() {
        return lineNumber;
    }

    /** The media field as written, e.g. {@code audio}. */
    public String media() {
        return media;
    }

    public MediaKind kind() {
        return kind;
    }

    /** The port; 0 marks a rejected or stopped m-section (RFC 8866 section 5.14, RFC 3264 section 6). */
    public int port() {
        return port;
    }

    /** The transport protocol, e.g. {@code UDP/TLS/RTP/SAVPF} or {@code UDP/DTLS/SCTP}. */
    public String proto() {
        return proto;
    }

    /** True when the formats are RTP payload types (the protocol contains {@code RTP/}). */
    public boolean isRtp() {
        return rtp;
    }

    /** The format fields of the m-line as written. */
    public List<String> formats() {
        return formats;
    }

    /** The payload types in m-line (preference) order; empty when the section is not RTP. */
    public List<Integer> payloadTypes() {
        return payloadTypes;
    }

    public Optional<String> mid() {
        return Optional.ofNullable(mid);
    }

    public Direction direction() {
        return direction;
    }

    public Optional<String> iceUfrag() {
        return Optional.ofNullable(iceUfrag);
    }

    public Optional<String> icePwd() {
        return Optional.ofNullable(icePwd);
    }

    public Optional<Fingerprint> fingerprint() {
        return Optional.ofNullable(fingerprint);
    }

    public Optional<Setup> setup() {
        return Optional.ofNullable(setup);
    }

    public boolean rtcpMux() {
        return rtcpMux;
    }

    public boolean rtcpRsize() {
        return rtcpRsize;
    }

    /** True when this m-section itself carries {@code a=extmap-allow-mixed} (RFC 8285 section 6). */
    public boolean extmapAllowMixed() {
        return extmapAllowMixed;
    }

    /** Codecs in m-line order; payload types without an {@code a=rtpmap} are in {@link #payloadTypes()} only. */
    public List<RtpCodec> codecs() {
        return codecs;
    }

    public List<ExtMap> extMaps() {
        return extMaps;
    }

    public List<Rid> rids() {
        return rids;
    }

    public Optional<Simulcast> simulcast() {
        return Optional.ofNullable(simulcast);
    }

    /** SSRC attributes in order of first appearance: ssrc → (attribute name → value, e.g. {@code cname}, {@code msid}). */
    public Map<Long, Map<String, String>> ssrcs() {
        return ssrcs;
    }

    public List<SsrcGroup> ssrcGroups() {
        return ssrcGroups;
    }

    /** The first {@code a=msid} of the section. */
    public Optional<Msid> msid() {
        return Optional.ofNullable(msid);
    }

    /** Every {@code a=} line of the section in order, including the ones interpreted above. */
    public List<Attribute> attributes() {
        return attributes;
    }

    public Optional<RtpCodec> codec(int payloadType) {
        for (RtpCodec c : codecs) {
            if (c.pt() == payloadType) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The first codec with this encoding name and clock rate, in preference order. */
    public Optional<RtpCodec> findCodec(String name, int clockRate) {
        for (RtpCodec c : codecs) {
            if (c.is(name) && c.clockRate() == clockRate) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The payload type of the RTX codec whose {@code apt} is {@code payloadType} (RFC 4588 section 8.6), or -1. */
    public int rtxPayloadTypeFor(int payloadType) {
        for (RtpCodec c : codecs) {
            if (c.is("rtx") && c.apt() == payloadType) {
                return c.pt();
            }
        }
        return -1;
    }

    /** The id mapped to a header extension URI, or -1 when the section does not offer it. */
    public int extMapId(String uri) {
        for (ExtMap e : extMaps) {
            if (e.uri().equals(uri)) {
                return e.id();
            }
        }
        return -1;
    }

    /** The rids declared with the given direction, in order. */
    public List<Rid> rids(RidDirection ridDirection) {
        List<Rid> out = new ArrayList<>();
        for (Rid r : rids) {
            if (r.direction() == ridDirection) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "m=" + media + " " + port + " " + proto + " mid=" + mid + " " + direction.sdpName();
    }
}
