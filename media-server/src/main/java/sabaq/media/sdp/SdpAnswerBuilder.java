package sabaq.media.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Answers a browser's offer (JSEP, RFC 8829 section 5.3) for our ICE-lite, DTLS-server SFU: one bundled transport,
 * Opus and VP8 (+RTX) only, the offer's payload type numbers and header extension ids kept. The caller decides per mid
 * with a {@link MediaAnswer}; a mid without a decision is answered inactive (docs/protocol.md section 2.3).
 *
 * <h2>Refusals and warnings</h2>
 * An {@link SdpException} means the offer cannot be answered as asked, and no answer is produced:
 * <ul>
 *   <li>an m-line without {@code a=mid}, or a decision for a mid the offer does not have;</li>
 *   <li>transport problems of the bundle ({@link RemoteTransport#fromOffer}): missing or differing ICE credentials or
 *       fingerprints, a non-SHA-256 fingerprint, {@code a=setup:passive};</li>
 *   <li>an m-section the SFU is asked to use (receive or send) that lacks {@code a=rtcp-mux}, is not
 *       {@code UDP/TLS/RTP/SAVPF}, or offers no Opus (audio) / VP8 (video).</li>
 * </ul>
 * A decision that does not fit the offer is not an error but a warning in {@link SdpAnswer#warnings()}, and the
 * m-section is answered inactive (kept in the bundle) or rejected (port 0): {@code receive()} on a section the browser
 * does not send on, {@code send()} on one it does not receive on (both happen when a renegotiation races a track
 * change), any use of a data channel or unknown m-section, of a section the browser already stopped (port 0) or of one
 * outside the BUNDLE group. Sections nobody asked for that the SFU could not use anyway are rejected silently.
 */
public final class SdpAnswerBuilder {
    /** The only media transport protocol answered (RFC 5764 section 8). */
    static final String PROTO = "UDP/TLS/RTP/SAVPF";

    private final LocalTransport local;
    private final AnswerOptions options;

    public SdpAnswerBuilder(LocalTransport local, AnswerOptions options) {
        this.local = Objects.requireNonNull(local, "local");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** A builder with {@link AnswerOptions#defaults()}. */
    public SdpAnswerBuilder(LocalTransport local) {
        this(local, AnswerOptions.defaults());
    }

    /** Parses the offer and answers it. */
    public SdpAnswer answer(String offerSdp, Map<String, MediaAnswer> decisions) throws SdpException {
        return answer(SdpParser.parse(offerSdp), decisions);
    }

    /**
     * @param decisions per offered mid; missing mids are answered inactive
     */
    public SdpAnswer answer(SessionDescription offer, Map<String, MediaAnswer> decisions) throws SdpException {
        Objects.requireNonNull(offer, "offer");
        Objects.requireNonNull(decisions, "decisions");
        checkMids(offer, decisions);
        RemoteTransport remote = RemoteTransport.fromOffer(offer);
        List<String> warnings = new ArrayList<>();
        List<SectionPlan> plans = new ArrayList<>();
        for (MediaDescription m : offer.media()) {
            MediaAnswer decision = decisions.get(m.mid().orElseThrow());
            plans.add(plan(offer, m, decision == null ? MediaAnswer.inactive() : decision, warnings));
        }
        String sdp = new AnswerWriter(local).write(offer, plans);
        List<NegotiatedMedia> media = new ArrayList<>();
        for (SectionPlan plan : plans) {
            if (!plan.isRejected()) {
                media.add(negotiated(plan));
            }
        }
        return new SdpAnswer(sdp, media, remote, warnings);
    }

    private static void checkMids(SessionDescription offer, Map<String, MediaAnswer> decisions) throws SdpException {
        Set<String> mids = new LinkedHashSet<>();
        for (MediaDescription m : offer.media()) {
            if (m.mid().isEmpty()) {
                throw new SdpException(m.lineNumber(), "m-line without a=mid (Unified Plan offers must have one)");
            }
            mids.add(m.mid().get());
        }
        for (String mid : decisions.keySet()) {
            if (!mids.contains(mid)) {
                throw new SdpException("a decision names mid " + SdpSyntax.abbreviate(String.valueOf(mid))
                        + ", which the offer does not have (offered: " + mids + ")");
            }
        }
    }

    private SectionPlan plan(SessionDescription offer, MediaDescription m, MediaAnswer decision, List<String> warnings)
            throws SdpException {
        String mid = m.mid().orElseThrow();
        boolean wanted = decision.mode() != MediaAnswer.Mode.INACTIVE;
        if (m.port() == 0) {
            return reject(m, mid, wanted, "the browser stopped it (port 0)", warnings);
        }
        if (m.kind() != MediaKind.AUDIO && m.kind() != MediaKind.VIDEO) {
            return reject(m, mid, wanted, m.media() + " m-sections are not supported", warnings);
        }
        if (!offer.bundleMids().contains(mid)) {
            return reject(m, mid, wanted, "it is not in the offer's BUNDLE group", warnings);
        }
        Direction direction = direction(m, mid, decision, warnings);
        boolean used = direction != Direction.INACTIVE;
        CodecChoice codec = CodecSelector.choose(m, options);
        String problem = !m.proto().equals(PROTO) ? "transport " + m.proto() + " is not supported, need " + PROTO
                : !m.rtcpMux() ? "a=rtcp-mux is required"
                : codec == null ? CodecSelector.missingCodec(m.kind())
                : null;
        if (problem != null) {
            if (used) {
                throw new SdpException(m.lineNumber(), "mid " + mid + ": " + problem);
            }
            return SectionPlan.rejected(m, mid);
        }
        HeaderExtensionSelector.Selection extensions = HeaderExtensionSelector.select(m, options);
        List<String> rids = List.of();
        List<List<String>> simulcast = List.of();
        if (direction == Direction.RECVONLY && m.kind() == MediaKind.VIDEO) {
            simulcast = SimulcastAnswer.recvStreams(m);
            rids = SimulcastAnswer.recvRids(m, simulcast);
            if (!rids.isEmpty() && extensions.ids().rid() < 0) {
                warnings.add("mid " + mid + ": rids offered without the " + HeaderExtensionUris.RTP_STREAM_ID
                        + " extension, the SFU cannot tell the layers apart");
            }
        }
        if (direction == Direction.SENDONLY && decision.hasRtx() && codec.rtxPt() < 0) {
            warnings.add("mid " + mid + ": rtx ssrc ignored, RTX is not negotiated for this m-section");
        }
        return new SectionPlan(m, mid, direction, codec, extensions, rids, simulcast, decision);
    }

    private static SectionPlan reject(MediaDescription m, String mid, boolean wanted, String reason, List<String> warnings) {
        if (wanted) {
            warnings.add("mid " + mid + ": answered rejected (port 0): " + reason);
        }
        return SectionPlan.rejected(m, mid);
    }

    /** recvonly for receive() when the browser sends, sendonly for send() when it receives, else inactive. */
    private static Direction direction(MediaDescription m, String mid, MediaAnswer decision, List<String> warnings) {
        Direction offered = m.direction();
        switch (decision.mode()) {
            case RECEIVE:
                if (offered.sends()) {
                    return Direction.RECVONLY;
                }
                break;
            case SEND:
                if (offered.receives()) {
                    return Direction.SENDONLY;
                }
                break;
            default:
                return Direction.INACTIVE;
        }
        warnings.add("mid " + mid + ": " + decision + " impossible, the browser offered " + offered.sdpName()
                + "; answered inactive");
        return Direction.INACTIVE;
    }

    private static NegotiatedMedia negotiated(SectionPlan plan) {
        MediaDescription m = plan.offer();
        CodecChoice codec = plan.codec();
        Map<Long, Long> rtxSsrcs = new LinkedHashMap<>();
        for (SsrcGroup group : m.ssrcGroups()) {
            if (group.isFid() && group.ssrcs().size() == 2) {
                rtxSsrcs.putIfAbsent(group.ssrcs().get(0), group.ssrcs().get(1));
            }
        }
        return new NegotiatedMedia(m.kind(), plan.mid(), plan.direction(), codec.primary().pt(),
                codec.primary().clockRate(), codec.rtxPt(), codec.redPt(), plan.extensions().ids(), codec.flags(),
                plan.recvRids(), new ArrayList<>(m.ssrcs().keySet()), rtxSsrcs, m.msid().orElse(null));
    }
}
