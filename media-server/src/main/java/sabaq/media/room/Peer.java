package sabaq.media.room;

import io.netty.util.collection.LongObjectHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.media.MediaConnectionState;
import sabaq.common.media.MediaException;
import sabaq.common.media.MediaPeer;
import sabaq.common.media.PublishSpec;
import sabaq.common.media.SubscribeSpec;
import sabaq.common.media.TrackKind;
import sabaq.media.ice.IceCredentials;
import sabaq.media.rtcp.RtcpWriter;
import sabaq.media.rtcp.TransportCcFeedbackGenerator;
import sabaq.media.rtp.RtpHeaderExtensions;
import sabaq.media.rtp.RtpPacket;
import sabaq.media.transport.MediaServerContext;
import sabaq.media.transport.PacketRouter;
import sabaq.media.transport.PeerTransport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One participant in the SFU: its transport, the tracks it publishes (producers) and the tracks it receives
 * (consumers), keyed by m-line mid. Public methods may be called from any thread and hop onto the media event loop;
 * everything else runs on it.
 */
public final class Peer implements MediaPeer, PeerTransport.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(Peer.class);

    private final String id;
    private final Room room;
    private final MediaServerContext ctx;
    private final PeerTransport transport;
    private final long rtcpSsrc;
    final Map<String, Producer> producersByMid = new LinkedHashMap<>();
    final Map<String, Consumer> consumersByMid = new LinkedHashMap<>();
    final LongObjectHashMap<IncomingStream> streamsBySsrc = new LongObjectHashMap<>();
    final LongObjectHashMap<Consumer> consumersBySsrc = new LongObjectHashMap<>();
    private final IncomingRtpHandler rtpIn;
    private final IncomingRtcpHandler rtcpIn;
    private final TransportCcFeedbackGenerator tccFeedback = new TransportCcFeedbackGenerator();
    private final byte[] rtcpOut = new byte[1500 + PacketRouter.SPARE];
    private final int[] nackScratch = new int[64];
    private int transportSeq;
    private int pendingTransportSeq = -1;
    private final SubscriberBandwidth bandwidth;
    private final ConnectionQualityMeter quality;
    private long videoPacketsSent;
    private long audioPacketsSent;
    private long lastQualityNanos;
    private final long sdpSessionId;
    private long sdpVersion;
    private long lastReportNanos;
    private long lastTccFeedbackNanos;
    private boolean closed;

    Peer(String id, Room room, MediaServerContext ctx) {
        this.id = id;
        this.room = room;
        this.ctx = ctx;
        this.rtcpSsrc = ctx.random().nextLong() & 0xFFFFFFFFL;
        this.sdpSessionId = ctx.random().nextLong() & Long.MAX_VALUE;
        this.transport = new PeerTransport(id, IceCredentials.random(ctx.random()), ctx, this);
        this.rtpIn = new IncomingRtpHandler(this, ctx.counters());
        this.rtcpIn = new IncomingRtcpHandler(this, ctx.counters());
        this.bandwidth = new SubscriberBandwidth(this, ctx);
        this.quality = new ConnectionQualityMeter(this);
    }

    @Override
    public String id() {
        return id;
    }

    public Room room() {
        return room;
    }

    public PeerTransport transport() {
        return transport;
    }

    MediaServerContext context() {
        return ctx;
    }

    long rtcpSsrc() {
        return rtcpSsrc;
    }

    public List<Producer> producers() {
        return new ArrayList<>(producersByMid.values());
    }

    public List<Consumer> consumers() {
        return new ArrayList<>(consumersByMid.values());
    }

    long sdpSessionId() {
        return sdpSessionId;
    }

    /** o= version of the next answer: increases with every answer (RFC 3264 §8). */
    long nextSdpVersion() {
        return ++sdpVersion;
    }

    void start() {
        transport.start();
    }

    // ---- MediaPeer: control plane, any thread ----

    @Override
    public CompletionStage<String> negotiate(String offerSdp, List<PublishSpec> publish, List<SubscribeSpec> subscribe) {
        CompletableFuture<String> result = new CompletableFuture<>();
        List<PublishSpec> pub = List.copyOf(publish);
        List<SubscribeSpec> sub = List.copyOf(subscribe);
        ctx.udp().eventLoop().execute(() -> {
            if (closed) {
                result.completeExceptionally(new MediaException(MediaException.Code.CLOSED, "peer " + id + " is closed"));
                return;
            }
            try {
                result.complete(new OfferApplier(this, ctx).apply(offerSdp, pub, sub));
            } catch (MediaException e) {
                result.completeExceptionally(e);
            } catch (RuntimeException e) {
                LOG.error("negotiation of peer {} failed", id, e);
                result.completeExceptionally(new MediaException(MediaException.Code.INTERNAL, "negotiation failed: " + e));
            }
        });
        return result;
    }

    @Override
    public void setTrackPaused(String trackId, boolean paused) {
        ctx.udp().eventLoop().execute(() -> {
            for (Producer p : producersByMid.values()) {
                if (p.trackId().equals(trackId)) p.setPaused(paused);
            }
        });
    }

    @Override
    public void setAudioOnly(boolean audioOnly) {
        ctx.udp().eventLoop().execute(() -> bandwidth.setAudioOnly(audioOnly));
    }

    @Override
    public void close() {
        ctx.udp().eventLoop().execute(this::closeOnLoop);
    }

    /** RTP packets of video (and audio) sent to this peer so far: what an audio-only student must not get. */
    public long videoPacketsSent() {
        return videoPacketsSent;
    }

    public long audioPacketsSent() {
        return audioPacketsSent;
    }

    /** The bandwidth estimate toward this peer in bps, or -1 before its first transport-cc feedback. */
    public long bandwidthEstimateBps() {
        return bandwidth.lastEstimateBps();
    }

    SubscriberBandwidth bandwidth() {
        return bandwidth;
    }

    void closeOnLoop() {
        if (closed) return;
        closed = true;
        for (Producer p : new ArrayList<>(producersByMid.values())) removeProducer(p);
        for (Consumer c : new ArrayList<>(consumersByMid.values())) c.close();
        transport.close();
        room.onPeerClosed(this);
    }

    boolean isClosed() {
        return closed;
    }

    // ---- producers and consumers ----

    void addProducer(Producer p) {
        producersByMid.put(p.mid(), p);
        room.addProducer(p);
    }

    void removeProducer(Producer p) {
        producersByMid.remove(p.mid(), p);
        for (int i = 0; i < p.layerCount(); i++) {
            IncomingStream s = p.layer(i);
            if (s.ssrc() >= 0) streamsBySsrc.remove(s.ssrc());
            if (s.rtxSsrc() >= 0) streamsBySsrc.remove(s.rtxSsrc());
        }
        room.removeProducer(p);
        p.close();
    }

    void addConsumer(Consumer c) {
        consumersByMid.put(c.mid(), c);
        consumersBySsrc.put(c.ssrc(), c);
        if (c.rtxSsrc() >= 0) consumersBySsrc.put(c.rtxSsrc(), c);
        c.producer().addConsumer(c);
        c.onKeyframeRequest(ctx.time().nanoTime());
    }

    void onConsumerClosed(Consumer c) {
        consumersByMid.remove(c.mid(), c);
        consumersBySsrc.remove(c.ssrc());
        if (c.rtxSsrc() >= 0) consumersBySsrc.remove(c.rtxSsrc());
    }

    /** Registers an SSRC the publisher told us about (a=ssrc) or we learned from the mid/rid extensions. */
    void mapSsrc(long ssrc, IncomingStream s, boolean rtx) {
        if (rtx) s.setRtxSsrc(ssrc);
        else s.setSsrc(ssrc);
        streamsBySsrc.put(ssrc, s);
    }

    // ---- packet path (event loop) ----

    @Override
    public void onRtp(byte[] buf, int off, int len, long nowNanos) {
        rtpIn.onRtp(buf, off, len, nowNanos);
    }

    @Override
    public void onRtcp(byte[] buf, int off, int len, long nowNanos) {
        rtcpIn.onRtcp(buf, off, len, nowNanos);
    }

    @Override
    public void onStateChanged(MediaConnectionState state) {
        room.onPeerState(this, state);
    }

    void onTransportSeq(int seq, long nowNanos) {
        tccFeedback.onPacket(seq, nowNanos / 1000);
    }

    int nextTransportSeq() {
        transportSeq = (transportSeq + 1) & 0xFFFF;
        pendingTransportSeq = transportSeq;
        return transportSeq;
    }

    /** Sends one forwarded (or retransmitted, or probe) packet and accounts for it in the bandwidth estimator. */
    void sendRtp(byte[] buf, int off, int len, boolean video) {
        ctx.counters().increment(sabaq.media.transport.MediaCounters.Counter.RTP_FORWARDED);
        sendAndAccount(buf, off, len, video);
    }

    /** Sends a packet rebuilt for a NACK (counted apart from live forwarding). */
    void sendRetransmission(byte[] buf, int off, int len, boolean video) {
        ctx.counters().increment(sabaq.media.transport.MediaCounters.Counter.RETRANSMISSIONS_SENT);
        sendAndAccount(buf, off, len, video);
    }

    private void sendAndAccount(byte[] buf, int off, int len, boolean video) {
        transport.sendRtp(buf, off, len);
        if (video) videoPacketsSent++;
        else audioPacketsSent++;
        if (pendingTransportSeq >= 0) {
            bandwidth.onPacketSent(pendingTransportSeq, len, video, ctx.time().nanoTime());
            pendingTransportSeq = -1;
        }
    }

    void onTransportFeedback(sabaq.media.rtcp.TransportCcFeedback fb, long nowNanos) {
        bandwidth.onFeedback(fb, nowNanos);
    }

    private void sendRtcpScratch(int len) {
        if (len > 0) transport.sendRtcp(rtcpOut, 0, len);
    }

    void requestKeyframe(Producer p, IncomingStream s, long nowNanos) {
        if (s.ssrc() < 0 || !transport.canSend()) return;
        if (!s.tryKeyframeRequest(nowNanos, ctx.config().keyframeRequestInterval().toNanos())) return;
        int n;
        if (p.media().feedback().pli()) {
            n = RtcpWriter.pli(rtcpOut, 0, rtcpSsrc, s.ssrc());
        } else if (p.media().feedback().fir()) {
            n = RtcpWriter.fir(rtcpOut, 0, rtcpSsrc, s.ssrc(), s.nextFirSeq());
        } else {
            return;
        }
        ctx.counters().increment(sabaq.media.transport.MediaCounters.Counter.KEYFRAME_REQUESTS_SENT);
        sendRtcpScratch(n);
    }

    void sendNacks(IncomingStream s, long nowNanos) {
        if (s.ssrc() < 0) return;
        int count = s.nacks().due(nowNanos, nackScratch);
        if (count == 0) return;
        int[] seqs = java.util.Arrays.copyOf(nackScratch, count);
        sendRtcpScratch(RtcpWriter.nack(rtcpOut, 0, rtcpSsrc, s.ssrc(), seqs));
    }

    void sendSenderReport(Consumer c, long ntp, long rtpTs, long packets, long octets) {
        int n = RtcpWriter.senderReport(rtcpOut, 0, c.ssrc(), ntp >>> 32, ntp & 0xFFFFFFFFL, rtpTs, packets, octets, List.of());
        if (n <= 0) return;
        int m = RtcpWriter.sdesCname(rtcpOut, n, c.ssrc(), c.producer().owner().id());
        c.onSenderReportSent((ntp >>> 16) & 0xFFFFFFFFL, ctx.time().nanoTime());
        sendRtcpScratch(m > 0 ? n + m : n);
    }

    /** Periodic work: NACK retries, transport-cc feedback, receiver reports + REMB, timeouts. */
    void onTick(long nowNanos) {
        if (closed) return;
        if (transport.checkTimeouts(nowNanos)) {
            LOG.info("peer {} silent for {}: closing its transport", id, ctx.config().closeTimeout());
            closeOnLoop();
            return;
        }
        if (!transport.canSend()) return;
        if (!consumersByMid.isEmpty()) bandwidth.onTick(nowNanos);
        if (nowNanos - lastQualityNanos >= ctx.config().qualityReportInterval().toNanos()) {
            lastQualityNanos = nowNanos;
            room.onPeerQuality(this, quality.sample(nowNanos));
        }
        if (producersByMid.isEmpty()) return;
        for (Producer p : producersByMid.values()) {
            if (!p.media().feedback().nack()) continue;
            for (int i = 0; i < p.layerCount(); i++) sendNacks(p.layer(i), nowNanos);
        }
        if (nowNanos - lastTccFeedbackNanos >= ctx.config().transportCcFeedbackInterval().toNanos()) {
            lastTccFeedbackNanos = nowNanos;
            long mediaSsrc = anyIncomingSsrc();
            int n = tccFeedback.buildFeedback(rtcpOut, 0, rtcpSsrc, mediaSsrc < 0 ? 0 : mediaSsrc);
            sendRtcpScratch(n);
        }
        if (nowNanos - lastReportNanos >= ctx.config().rtcpReportInterval().toNanos()) {
            lastReportNanos = nowNanos;
            sendRtcpScratch(new ReceiverReportBuilder(this, ctx).build(rtcpOut, nowNanos));
        }
    }

    private long anyIncomingSsrc() {
        for (Producer p : producersByMid.values()) {
            for (int i = 0; i < p.layerCount(); i++) if (p.layer(i).ssrc() >= 0) return p.layer(i).ssrc();
        }
        return -1;
    }

    boolean publishesVideo() {
        for (Producer p : producersByMid.values()) if (p.kind() == TrackKind.VIDEO) return true;
        return false;
    }

    /** The transport-cc extension id in the publisher's offer (shared by all bundled m-lines), or -1. */
    int incomingTransportCcExtId() {
        for (Producer p : producersByMid.values()) {
            if (p.media().extensions().transportCc() > 0) return p.media().extensions().transportCc();
        }
        return -1;
    }
}
