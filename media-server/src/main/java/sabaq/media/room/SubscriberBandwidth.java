package sabaq.media.room;

import sabaq.common.media.TrackKind;
import sabaq.media.cc.BandwidthAllocator;
import sabaq.media.cc.BandwidthAllocator.Allocation;
import sabaq.media.cc.BandwidthAllocator.VideoDemand;
import sabaq.media.cc.ProbeController;
import sabaq.media.cc.SendSideBandwidthEstimator;
import sabaq.media.rtcp.TransportCcFeedback;
import sabaq.media.server.MediaServerConfig;
import sabaq.media.transport.MediaServerContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Everything about what one subscriber's line can take: the send-side estimate from its transport-cc feedback, the
 * allocation of that estimate to the videos it receives (layer per consumer, or paused), and paced probe clusters
 * when it could use more. Media thread only.
 */
final class SubscriberBandwidth {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SubscriberBandwidth.class);
    /** IPv4 + UDP headers and the SRTP tag, counted on top of each RTP packet's length. */
    private static final int PACKET_OVERHEAD = 20 + 8 + 16;
    private static final int PROBE_PACKETS = 6;
    /** Without any transport-cc feedback for this long after sending video, the subscriber is not rate-limited. */
    private static final long NO_FEEDBACK_GRACE_NANOS = 5_000_000_000L;

    private final Peer peer;
    private final MediaServerContext ctx;
    private final SendSideBandwidthEstimator bwe;
    private final ProbeController probes;
    private boolean audioOnly;
    private long lastAllocationNanos = Long.MIN_VALUE;
    private long firstVideoSentNanos = Long.MIN_VALUE;
    private Allocation allocation;
    private int probeCluster = -1;

    SubscriberBandwidth(Peer peer, MediaServerContext ctx) {
        this.peer = peer;
        this.ctx = ctx;
        MediaServerConfig c = ctx.config();
        this.bwe = new SendSideBandwidthEstimator(c.subscriberStartBitrateBps(), c.subscriberMinBitrateBps(),
                c.subscriberMaxBitrateBps());
        this.probes = new ProbeController(c.subscriberMaxBitrateBps(), c.probeInterval().toMillis());
    }

    void setAudioOnly(boolean on) {
        audioOnly = on;
        lastAllocationNanos = Long.MIN_VALUE;
    }

    boolean audioOnly() {
        return audioOnly;
    }

    /** True when video to this subscriber is paused, by choice or because the line is too weak. */
    boolean receivesNoVideo() {
        return allocation != null && allocation.audioOnly();
    }

    void onPacketSent(int transportSeq, int len, boolean video, long nowNanos) {
        bwe.onPacketSent(transportSeq, len + PACKET_OVERHEAD, nowNanos / 1000, probeCluster);
        if (video && firstVideoSentNanos == Long.MIN_VALUE) firstVideoSentNanos = nowNanos;
    }

    void onFeedback(TransportCcFeedback fb, long nowNanos) {
        bwe.onFeedback(fb, nowNanos / 1000);
    }

    /** The estimate the allocator uses: transport-cc based, or unlimited for a browser that never sends feedback. */
    long estimateBps(long nowNanos) {
        if (bwe.feedbackCount() > 0) return bwe.estimateBps();
        if (firstVideoSentNanos != Long.MIN_VALUE && nowNanos - firstVideoSentNanos > NO_FEEDBACK_GRACE_NANOS) {
            return ctx.config().subscriberMaxBitrateBps();
        }
        return ctx.config().subscriberStartBitrateBps();
    }

    long lastEstimateBps() {
        return bwe.feedbackCount() > 0 ? bwe.estimateBps() : -1;
    }

    double lossFraction() {
        return bwe.lossFraction();
    }

    void onTick(long nowNanos) {
        if (lastAllocationNanos != Long.MIN_VALUE
                && nowNanos - lastAllocationNanos < ctx.config().allocationInterval().toNanos()) return;
        lastAllocationNanos = nowNanos;
        allocate(nowNanos);
        if (allocation != null && bwe.feedbackCount() > 0) {
            long target = probes.maybeProbe(bwe.estimateBps(), allocation.desiredBps(), bwe.usage(), nowNanos / 1_000_000);
            if (target > 0) sendProbe(target);
        }
    }

    private void allocate(long nowNanos) {
        List<VideoDemand> videos = new ArrayList<>();
        Map<Object, Integer> current = new HashMap<>();
        int audioTracks = 0;
        for (Consumer c : peer.consumersByMid.values()) {
            if (c.producer().kind() == TrackKind.AUDIO) {
                audioTracks++;
                continue;
            }
            Producer p = c.producer();
            long[] layers = new long[p.layerCount()];
            for (int i = 0; i < layers.length; i++) {
                IncomingStream s = p.layer(i);
                layers[i] = s.isActive(nowNanos) ? Math.max(1, s.bitrateBps()) : 0;
            }
            videos.add(new VideoDemand(c, p.priority(), layers));
            if (c.maxLayer() != Integer.MAX_VALUE) current.put(c, c.maxLayer());
        }
        MediaServerConfig cfg = ctx.config();
        allocation = BandwidthAllocator.allocate(estimateBps(nowNanos), audioTracks * cfg.audioTrackBitrateBps(), videos,
                cfg.lastN(), audioOnly, cfg.audioOnlyBelowBps(), current);
        boolean changed = false;
        for (VideoDemand v : videos) {
            Consumer c = (Consumer) v.key();
            int layer = allocation.layer(c);
            if (c.maxLayer() != layer) changed = true;
            c.setMaxLayer(layer);
        }
        if (changed && LOG.isInfoEnabled()) {
            StringBuilder sb = new StringBuilder();
            for (VideoDemand v : videos) {
                sb.append(' ').append(((Consumer) v.key()).producer().trackId()).append('=').append(allocation.layer(v.key()))
                        .append(java.util.Arrays.toString(java.util.Arrays.stream(v.layerBps()).map(b -> b / 1000).toArray()));
            }
            LOG.info("peer {}: estimate {} kbit/s ({}, loss {}%), acked {} kbit/s, layers:{}", peer.id(),
                    estimateBps(nowNanos) / 1000, bwe.usage(), Math.round(bwe.lossFraction() * 100),
                    bwe.acknowledgedBps() / 1000, sb);
        }
    }

    /** A cluster of RTX copies paced at {@code targetBps}; the estimator measures what arrives. */
    private void sendProbe(long targetBps) {
        Consumer carrier = null;
        long source = -1;
        for (Consumer c : peer.consumersByMid.values()) {
            if (!c.isVideo() || c.maxLayer() < 0) continue;
            long s = c.probeSource();
            if (s >= 0 && (source < 0 || (s & 0xFFFF) > (source & 0xFFFF))) {
                source = s;
                carrier = c;
            }
        }
        if (carrier == null || (source & 0xFFFF) < 200) return;
        int cluster = probes.nextClusterId();
        int seq = (int) (source >>> 16);
        long spacingNanos = ((source & 0xFFFF) + PACKET_OVERHEAD) * 8L * 1_000_000_000L / targetBps;
        Consumer via = carrier;
        for (int i = 0; i < PROBE_PACKETS; i++) {
            Runnable send = () -> {
                probeCluster = cluster;
                via.sendProbePacket(seq);
                probeCluster = -1;
            };
            if (i == 0) send.run();
            else ctx.udp().eventLoop().schedule(send, i * spacingNanos, TimeUnit.NANOSECONDS);
        }
    }
}
