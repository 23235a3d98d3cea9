package sabaq.media.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Collects one m-section, line by line, and turns it into a {@link MediaDescription}. Values of the attributes it
 * interprets are checked; a malformed one is an {@link SdpException} naming the line. Other attributes are only kept.
 */
final class MediaSectionParser {
    private static final int MAX_PAYLOAD_TYPE = 127;

    final int line;
    final String media;
    final MediaKind kind;
    final int port;
    final String proto;
    final List<String> formats;
    /** True when the transport protocol carries RTP, so that the formats are payload types (RFC 8866 section 5.14). */
    final boolean rtp;
    final List<Integer> payloadTypes = new ArrayList<>();
    final List<Attribute> attributes = new ArrayList<>();
    final TransportAttributes transport = new TransportAttributes();
    String mid;
    Direction direction;
    boolean rtcpMux;
    boolean rtcpRsize;
    boolean extmapAllowMixed;
    final List<ExtMap> extMaps = new ArrayList<>();
    final List<Rid> rids = new ArrayList<>();
    Simulcast simulcast;
    final Map<Long, Map<String, String>> ssrcs = new LinkedHashMap<>();
    final List<SsrcGroup> ssrcGroups = new ArrayList<>();
    Msid msid;

    private final Map<Integer, RtpMap> rtpMaps = new HashMap<>();
    private final Map<Integer, Map<String, String>> fmtps = new HashMap<>();
    private final Map<Integer, List<String>> feedback = new HashMap<>();
    private final List<String> wildcardFeedback = new ArrayList<>();
    private final Set<String> ridIds = new HashSet<>();

    private record RtpMap(String name, int clockRate, int channels) {
    }

    /** Parses the value of an {@code m=} line: {@code <media> <port>[/<count>] <proto> <fmt> ...}. */
    MediaSectionParser(String value, int line) throws SdpException {
        this.line = line;
        String[] f = SdpSyntax.fields(value);
        if (f.length < 4 || !SdpSyntax.isToken(f[0]) || !isProto(f[2])) {
            throw new SdpException(line, "m-line must be 'm=<media> <port> <proto> <fmt> ...'");
        }
        media = f[0];
        kind = MediaKind.fromSdp(media);
        String portField = f[1];
        int slash = portField.indexOf('/');
        if (slash >= 0) {
            SdpSyntax.parseInt(portField.substring(slash + 1), 1, 65535, line, "m-line port count");
            portField = portField.substring(0, slash);
        }
        port = SdpSyntax.parseInt(portField, 0, 65535, line, "m-line port");
        proto = f[2];
        formats = List.of(f).subList(3, f.length);
        rtp = proto.toUpperCase(Locale.ROOT).contains("RTP/");
        if (rtp) {
            Set<Integer> seen = new HashSet<>();
            for (String fmt : formats) {
                int pt = SdpSyntax.parseInt(fmt, 0, MAX_PAYLOAD_TYPE, line, "payload type");
                if (!seen.add(pt)) {
                    throw new SdpException(line, "payload type " + pt + " listed twice");
                }
                payloadTypes.add(pt);
            }
        }
    }

    /** RFC 8866 {@code proto = token *("/" token)}. */
    private static boolean isProto(String proto) {
        for (String part : proto.split("/", -1)) {
            if (!SdpSyntax.isToken(part)) {
                return false;
            }
        }
        return true;
    }

    void add(Attribute a, int line) throws SdpException {
        attributes.add(a);
        if (transport.accept(a, line)) {
            return;
        }
        Direction d = Direction.fromSdp(a.name());
        if (d != null) {
            if (direction != null) {
                throw new SdpException(line, "more than one direction attribute in the m-section");
            }
            direction = d;
            return;
        }
        switch (a.name()) {
            case "mid":
                parseMid(a, line);
                break;
            case "rtcp-mux":
                rtcpMux = true;
                break;
            case "rtcp-rsize":
                rtcpRsize = true;
                break;
            case "extmap-allow-mixed":
                extmapAllowMixed = true;
                break;
            case "extmap":
                parseExtMap(TransportAttributes.valueOf(a, line), line);
                break;
            case "rid":
                parseRid(TransportAttributes.valueOf(a, line), line);
                break;
            case "simulcast":
                if (simulcast != null) {
                    throw new SdpException(line, "a=simulcast given twice");
                }
                simulcast = SimulcastParser.parse(TransportAttributes.valueOf(a, line), line);
                break;
            case "ssrc":
                parseSsrc(TransportAttributes.valueOf(a, line), line);
                break;
            case "ssrc-group":
                parseSsrcGroup(TransportAttributes.valueOf(a, line), line);
                break;
            case "msid":
                if (msid == null) {
                    msid = Msid.parse(TransportAttributes.valueOf(a, line), line);
                }
                break;
            default:
                if (rtp) {
                    addRtpAttribute(a, line);
                }
        }
    }

    private void addRtpAttribute(Attribute a, int line) throws SdpException {
        switch (a.name()) {
            case "rtpmap":
                parseRtpMap(TransportAttributes.valueOf(a, line), line);
                break;
            case "fmtp":
                parseFmtp(TransportAttributes.valueOf(a, line), line);
                break;
            case "rtcp-fb":
                parseRtcpFb(TransportAttributes.valueOf(a, line), line);
                break;
            default:
                break;
        }
    }

    private void parseMid(Attribute a, int line) throws SdpException {
        String value = TransportAttributes.valueOf(a, line);
        if (!SdpSyntax.isToken(value)) {
            throw new SdpException(line, "a=mid must be a token (RFC 5888)");
        }
        if (mid != null) {
            throw new SdpException(line, "a=mid given twice");
        }
        mid = value;
    }

    private void parseRtpMap(String value, int line) throws SdpException {
        String[] f = SdpSyntax.fields(value);
        if (f.length != 2) {
            throw new SdpException(line, "a=rtpmap must be '<pt> <name>/<clock rate>[/<channels>]'");
        }
        int pt = SdpSyntax.parseInt(f[0], 0, MAX_PAYLOAD_TYPE, line, "rtpmap payload type");
        String[] enc = f[1].split("/", -1);
        if (enc.length < 2 || enc.length > 3 || !SdpSyntax.isToken(enc[0])) {
            throw new SdpException(line, "a=rtpmap encoding must be '<name>/<clock rate>[/<channels>]'");
        }
        int clock = SdpSyntax.parseInt(enc[1], 1, Integer.MAX_VALUE, line, "clock rate");
        int channels = enc.length == 3 ? SdpSyntax.parseInt(enc[2], 1, 255, line, "channel count") : 1;
        if (rtpMaps.put(pt, new RtpMap(enc[0], clock, channels)) != null) {
            throw new SdpException(line, "a=rtpmap for payload type " + pt + " given twice");
        }
    }

    private void parseFmtp(String value, int line) throws SdpException {
        String v = value.strip();
        int space = v.indexOf(' ');
        String ptField = space < 0 ? v : v.substring(0, space);
        int pt = SdpSyntax.parseInt(ptField, 0, MAX_PAYLOAD_TYPE, line, "fmtp payload type");
        Map<String, String> params = new LinkedHashMap<>();
        String rest = space < 0 ? "" : v.substring(space + 1);
        for (String param : rest.split(";")) {
            String p = param.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq == 0) {
                throw new SdpException(line, "a=fmtp parameter without a name");
            }
            params.putIfAbsent(eq < 0 ? p : p.substring(0, eq).strip(), eq < 0 ? "" : p.substring(eq + 1).strip());
        }
        if (fmtps.put(pt, params) != null) {
            throw new SdpException(line, "a=fmtp for payload type " + pt + " given twice");
        }
    }

    private void parseRtcpFb(String value, int line) throws SdpException {
        String[] f = SdpSyntax.fields(value);
        if (f.length < 2) {
            throw new SdpException(line, "a=rtcp-fb must be '<pt|*> <feedback> [<param>]'");
        }
        String fb = String.join(" ", List.of(f).subList(1, f.length));
        if (f[0].equals("*")) {
            wildcardFeedback.add(fb);
            return;
        }
        int pt = SdpSyntax.parseInt(f[0], 0, MAX_PAYLOAD_TYPE, line, "rtcp-fb payload type");
        feedback.computeIfAbsent(pt, k -> new ArrayList<>()).add(fb);
    }

    private void parseExtMap(String value, int line) throws SdpException {
        String[] f = SdpSyntax.fields(value);
        if (f.length < 2) {
            throw new SdpException(line, "a=extmap must be '<id>[/<direction>] <uri>'");
        }
        String idField = f[0];
        Direction dir = null;
        int slash = idField.indexOf('/');
        if (slash >= 0) {
            dir = Direction.fromSdp(idField.substring(slash + 1));
            if (dir == null) {
                throw new SdpException(line, "a=extmap direction must be sendrecv, sendonly, recvonly or inactive");
            }
            idField = idField.substring(0, slash);
        }
        int id = SdpSyntax.parseInt(idField, 1, 255, line, "extmap id");
        for (ExtMap e : extMaps) {
            if (e.id() == id) {
                throw new SdpException(line, "extmap id " + id + " used twice");
            }
        }
        extMaps.add(new ExtMap(id, f[1], dir));
    }

    private void parseRid(String value, int line) throws SdpException {
        String[] f = SdpSyntax.fields(value);
        if (f.length < 2 || f.length > 3 || !SdpSyntax.isRidId(f[0])) {
            throw new SdpException(line, "a=rid must be '<rid-id> send|recv [<restrictions>]' (RFC 8851)");
        }
        RidDirection dir;
        if (f[1].equals("send")) {
            dir = RidDirection.SEND;
        } else if (f[1].equals("recv")) {
            dir = RidDirection.RECV;
        } else {
            throw new SdpException(line, "a=rid direction must be send or recv");
        }
        if (!ridIds.add(f[0])) {
            throw new SdpException(line, "rid " + f[0] + " defined twice");
        }
        rids.add(new Rid(f[0], dir, f.length == 3 ? f[2] : ""));
    }

    private void parseSsrc(String value, int line) throws SdpException {
        String v = value.strip();
        int space = v.indexOf(' ');
        if (space < 0) {
            throw new SdpException(line, "a=ssrc must be '<ssrc> <attribute>[:<value>]'");
        }
        long ssrc = SdpSyntax.parseUnsigned32(v.substring(0, space), line, "ssrc");
        String attr = v.substring(space + 1).strip();
        int colon = attr.indexOf(':');
        String name = colon < 0 ? attr : attr.substring(0, colon);
        if (!SdpSyntax.isToken(name)) {
            throw new SdpException(line, "a=ssrc attribute name must be a token");
        }
        ssrcs.computeIfAbsent(ssrc, k -> new LinkedHashMap<>()).putIfAbsent(name, colon < 0 ? "" : attr.substring(colon + 1));
    }

    private void parseSsrcGroup(String value, int line) throws SdpException {
        String[] f = SdpSyntax.fields(value);
        if (f.length < 2 || !SdpSyntax.isToken(f[0])) {
            throw new SdpException(line, "a=ssrc-group must be '<semantics> <ssrc> ...'");
        }
        List<Long> members = new ArrayList<>();
        for (int i = 1; i < f.length; i++) {
            members.add(SdpSyntax.parseUnsigned32(f[i], line, "ssrc-group ssrc"));
        }
        ssrcGroups.add(new SsrcGroup(f[0], members));
    }

    /** The codecs in m-line order: every listed payload type that has an rtpmap. */
    List<RtpCodec> codecs() {
        List<RtpCodec> codecs = new ArrayList<>();
        for (int pt : payloadTypes) {
            RtpMap map = rtpMaps.get(pt);
            if (map == null) {
                continue;
            }
            List<String> fb = new ArrayList<>(feedback.getOrDefault(pt, List.of()));
            fb.addAll(wildcardFeedback);
            codecs.add(new RtpCodec(pt, map.name(), map.clockRate(), map.channels(), fmtps.getOrDefault(pt, Map.of()), fb));
        }
        return codecs;
    }

    MediaDescription build(TransportAttributes session) {
        return new MediaDescription(this, session);
    }
}
