package sabaq.media.room;

import sabaq.common.media.MediaException;
import sabaq.common.media.PublishSpec;
import sabaq.common.media.SubscribeSpec;
import sabaq.common.media.TrackKind;
import sabaq.media.dtls.DtlsFingerprint;
import sabaq.media.ice.IceCredentials;
import sabaq.media.sdp.AnswerOptions;
import sabaq.media.sdp.Direction;
import sabaq.media.sdp.HostCandidate;
import sabaq.media.sdp.LocalTransport;
import sabaq.media.sdp.MediaAnswer;
import sabaq.media.sdp.MediaDescription;
import sabaq.media.sdp.MediaKind;
import sabaq.media.sdp.NegotiatedMedia;
import sabaq.media.sdp.RemoteTransport;
import sabaq.media.sdp.SdpAnswer;
import sabaq.media.sdp.SdpAnswerBuilder;
import sabaq.media.sdp.SdpException;
import sabaq.media.sdp.SdpParser;
import sabaq.media.sdp.SessionDescription;
import sabaq.media.transport.MediaServerContext;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a browser's offer into our answer and applies it to the peer: a publish m-line becomes (or stays) a
 * producer, a subscribe m-line becomes (or stays) a consumer of another peer's track with its own SSRCs, anything
 * else is answered inactive and loses its producer/consumer. The offer is checked completely before anything
 * changes, so a refused offer leaves the previous state in force. Event loop only.
 */
final class OfferApplier {
    private final Peer peer;
    private final MediaServerContext ctx;

    OfferApplier(Peer peer, MediaServerContext ctx) {
        this.peer = peer;
        this.ctx = ctx;
    }

    String apply(String offerSdp, List<PublishSpec> publish, List<SubscribeSpec> subscribe) {
        SessionDescription offer;
        try {
            offer = SdpParser.parse(offerSdp);
        } catch (SdpException e) {
            throw badSdp(e.getMessage());
        }
        Map<String, PublishSpec> pubByMid = new HashMap<>();
        for (PublishSpec p : publish) pubByMid.put(p.mid(), p);
        Map<String, SubscribeSpec> subByMid = new HashMap<>();
        for (SubscribeSpec s : subscribe) subByMid.put(s.mid(), s);

        Map<String, MediaAnswer> decisions = new LinkedHashMap<>();
        Map<String, Producer> subscribedProducers = new HashMap<>();
        Map<String, long[]> consumerSsrcs = new HashMap<>();
        Set<Long> usedSsrcs = new HashSet<>();
        for (Consumer c : peer.consumersByMid.values()) {
            usedSsrcs.add(c.ssrc());
            usedSsrcs.add(c.rtxSsrc());
        }
        for (MediaDescription m : offer.media()) {
            String mid = m.mid().orElse(null);
            PublishSpec pub = mid == null ? null : pubByMid.get(mid);
            SubscribeSpec sub = mid == null ? null : subByMid.get(mid);
            if (pub != null) {
                if (!sameKind(m, pub.kind())) throw badSdp("m-line " + mid + " is not " + pub.kind().sdpName());
                if (!sends(m.direction())) throw badSdp("m-line " + mid + " is published but does not send");
                decisions.put(mid, MediaAnswer.receive());
            } else if (sub != null) {
                Producer producer = peer.room().producer(sub.trackId());
                if (producer == null || producer.owner() == peer || !sameKind(m, producer.kind()) || !receives(m.direction())) {
                    decisions.put(mid, MediaAnswer.inactive());
                    continue;
                }
                Consumer existing = peer.consumersByMid.get(mid);
                long[] ssrcs;
                if (existing != null && existing.producer() == producer) {
                    ssrcs = new long[]{existing.ssrc(), existing.rtxSsrc()};
                } else {
                    long ssrc = newSsrc(usedSsrcs);
                    long rtx = ctx.config().rtx() && producer.kind() == TrackKind.VIDEO ? newSsrc(usedSsrcs) : -1;
                    ssrcs = new long[]{ssrc, rtx};
                }
                consumerSsrcs.put(mid, ssrcs);
                subscribedProducers.put(mid, producer);
                String owner = producer.owner().id();
                decisions.put(mid, MediaAnswer.send(ssrcs[0], ssrcs[1] < 0 ? null : ssrcs[1], owner, owner,
                        msidTrackId(producer.trackId())));
            } else if (mid != null) {
                decisions.put(mid, MediaAnswer.inactive());
            }
        }
        for (String mid : pubByMid.keySet()) {
            if (!decisions.containsKey(mid)) throw badSdp("published mid " + mid + " is not in the offer");
        }

        // ICE restart (RFC 8445 §9): a known browser with new credentials gets new credentials from us too.
        String knownUfrag = peer.transport().remoteUfrag();
        IceCredentials restart = null;
        try {
            String offeredUfrag = RemoteTransport.fromOffer(offer).iceUfrag();
            if (knownUfrag != null && !knownUfrag.equals(offeredUfrag)) restart = IceCredentials.random(ctx.random());
        } catch (SdpException e) {
            throw badSdp(e.getMessage());
        }
        SdpAnswer answer;
        try {
            IceCredentials creds = restart != null ? restart : peer.transport().localCredentials();
            answer = new SdpAnswerBuilder(localTransport(creds), answerOptions()).answer(offer, decisions);
        } catch (SdpException e) {
            throw badSdp(e.getMessage());
        }
        RemoteTransport remote = answer.remote();
        DtlsFingerprint fingerprint = DtlsFingerprint.parse(remote.fingerprint().algorithm() + " " + remote.fingerprint().value())
                .orElseThrow(() -> badSdp("unusable DTLS fingerprint"));
        try {
            peer.transport().setRemoteParameters(remote.iceUfrag(), fingerprint);
        } catch (IllegalArgumentException e) {
            throw badSdp(e.getMessage());
        }
        if (restart != null) peer.transport().restartIce(restart);

        Map<String, NegotiatedMedia> negotiated = new HashMap<>();
        for (NegotiatedMedia nm : answer.media()) negotiated.put(nm.mid(), nm);
        applyProducers(pubByMid, negotiated);
        applyConsumers(subscribedProducers, consumerSsrcs, negotiated);
        return answer.sdp();
    }

    private void applyProducers(Map<String, PublishSpec> pubByMid, Map<String, NegotiatedMedia> negotiated) {
        for (Producer p : List.copyOf(peer.producersByMid.values())) {
            PublishSpec spec = pubByMid.get(p.mid());
            if (spec == null || !spec.trackId().equals(p.trackId())) peer.removeProducer(p);
        }
        for (PublishSpec spec : pubByMid.values()) {
            NegotiatedMedia nm = negotiated.get(spec.mid());
            Producer existing = peer.producersByMid.get(spec.mid());
            if (existing != null) {
                existing.updateMedia(nm);
                existing.setPriority(spec.priority());
                continue;
            }
            Producer p = new Producer(spec.trackId(), spec.kind(), spec.source(), peer, nm,
                    peer.room()::nextSourceId, ctx.config().retransmissionCachePackets());
            p.setPriority(spec.priority());
            if (p.layerCount() == 1) {
                for (long ssrc : nm.ssrcs()) peer.mapSsrc(ssrc, p.layer(0), nm.rtxSsrcs().containsValue(ssrc));
            }
            peer.addProducer(p);
        }
    }

    private void applyConsumers(Map<String, Producer> producers, Map<String, long[]> ssrcs,
                                Map<String, NegotiatedMedia> negotiated) {
        for (Consumer c : List.copyOf(peer.consumersByMid.values())) {
            if (producers.get(c.mid()) != c.producer()) c.close();
        }
        for (Map.Entry<String, Producer> e : producers.entrySet()) {
            String mid = e.getKey();
            NegotiatedMedia nm = negotiated.get(mid);
            Consumer existing = peer.consumersByMid.get(mid);
            if (existing != null) {
                existing.updateMedia(nm);
                continue;
            }
            long[] s = ssrcs.get(mid);
            peer.addConsumer(new Consumer(peer, e.getValue(), mid, s[0], nm.rtxPayloadType() >= 0 ? s[1] : -1, nm,
                    ctx.random(), peer.room().writer()));
        }
    }

    private LocalTransport localTransport(IceCredentials local) {
        int udpPort = ctx.udp().localAddress().getPort();
        List<HostCandidate> udp = new java.util.ArrayList<>();
        List<HostCandidate> tcp = new java.util.ArrayList<>();
        for (String a : ctx.config().announcedAddresses()) {
            String[] hp = sabaq.media.server.MediaServerConfig.parseAddress(a, udpPort);
            udp.add(new HostCandidate(hp[0], Integer.parseInt(hp[1])));
            // "host:port" maps a UDP port (NAT, relay); only plain hosts reach our own TCP listener.
            boolean mappedPort = !hp[1].equals(Integer.toString(udpPort)) || a.trim().endsWith(":" + udpPort);
            if (ctx.tcpEnabled() && !mappedPort) tcp.add(new HostCandidate(hp[0], ctx.tcpPort()));
        }
        return new LocalTransport(local.ufrag(), local.pwd(), ctx.certificate().fingerprintSha256(), udp, tcp,
                peer.sdpSessionId(), peer.nextSdpVersion());
    }

    private AnswerOptions answerOptions() {
        return AnswerOptions.defaults().withTransportCc(ctx.config().transportCc()).withRtx(ctx.config().rtx())
                .withAudioRed(ctx.config().audioRed());
    }

    /** Signalling's track ids ({@code participant:source}) use ':', which is not an RFC 8830 msid token char. */
    static String msidTrackId(String trackId) {
        StringBuilder sb = new StringBuilder(trackId.length());
        for (int i = 0; i < trackId.length(); i++) {
            char c = trackId.charAt(i);
            sb.append(Character.isLetterOrDigit(c) && c < 128 || "-_.+".indexOf(c) >= 0 ? c : '-');
        }
        return sb.toString();
    }

    private long newSsrc(Set<Long> used) {
        long s;
        do {
            s = ctx.random().nextInt() & 0xFFFFFFFFL;
        } while (s == 0 || !used.add(s));
        return s;
    }

    private static boolean sameKind(MediaDescription m, TrackKind kind) {
        return m.kind() == (kind == TrackKind.AUDIO ? MediaKind.AUDIO : MediaKind.VIDEO);
    }

    private static boolean sends(Direction d) {
        return d == Direction.SENDONLY || d == Direction.SENDRECV;
    }

    private static boolean receives(Direction d) {
        return d == Direction.RECVONLY || d == Direction.SENDRECV;
    }

    private static MediaException badSdp(String msg) {
        return new MediaException(MediaException.Code.BAD_SDP, msg);
    }
}
