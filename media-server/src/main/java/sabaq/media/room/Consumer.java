package sabaq.media.room;

import sabaq.common.media.TrackKind;
import sabaq.media.forward.SendHistory;
import sabaq.media.forward.StreamRewriter;
import sabaq.media.rtp.RtpPacket;
import sabaq.media.rtp.Vp8PayloadDescriptor;
import sabaq.media.sdp.NegotiatedMedia;

/**
 * One subscriber's copy of one producer's track: its own SSRC (and RTX SSRC), payload types and header extension
 * ids from the subscriber's m-line, a {@link StreamRewriter} that keeps the outgoing sequence numbers, timestamps
 * and VP8 picture ids continuous across simulcast layer switches (which happen only at keyframes), and a
 * {@link SendHistory} to rebuild NACKed packets. Event loop only.
 */
public final class Consumer {
    private final Peer subscriber;
    private final Producer producer;
    private final String mid;
    private final long ssrc;
    private final long rtxSsrc;
    private NegotiatedMedia media;
    private final StreamRewriter rewriter;
    private final SendHistory history = new SendHistory(1024);
    private final OutboundPacketWriter writer;
    private int rtxSeq;
    private int maxLayer = Integer.MAX_VALUE;
    private int maxTemporal = Integer.MAX_VALUE;
    private int activeMaxTemporal = Integer.MAX_VALUE;
    private long temporalDrops;
    private boolean closed;

    private long packetsSent;
    private long payloadBytesSent;
    private long retransmissionsSent;
    private int lastFractionLost;
    private boolean hasReceiverReport;
    private long lastJitter;
    private long lastRttMicros = -1;
    private long lastSrMiddle;
    private long lastSrSentNanos = Long.MIN_VALUE;

    Consumer(Peer subscriber, Producer producer, String mid, long ssrc, long rtxSsrc, NegotiatedMedia media,
             java.util.random.RandomGenerator random, OutboundPacketWriter writer) {
        this.subscriber = subscriber;
        this.producer = producer;
        this.mid = mid;
        this.ssrc = ssrc;
        this.rtxSsrc = rtxSsrc;
        this.media = media;
        this.rewriter = new StreamRewriter(random.nextInt(1 << 16), random.nextLong() & 0xFFFFFFFFL);
        this.rtxSeq = random.nextInt(1 << 16);
        this.writer = writer;
    }

    public Producer producer() {
        return producer;
    }

    public Peer subscriber() {
        return subscriber;
    }

    public String mid() {
        return mid;
    }

    public long ssrc() {
        return ssrc;
    }

    public long rtxSsrc() {
        return rtxSsrc;
    }

    NegotiatedMedia media() {
        return media;
    }

    void updateMedia(NegotiatedMedia m) {
        this.media = m;
    }

    /** Highest simulcast layer this subscriber should get (the bandwidth allocator sets it); -1 pauses video. */
    public void setMaxLayer(int layer) {
        this.maxLayer = Math.max(-1, layer);
    }

    public int maxLayer() {
        return maxLayer;
    }

    public boolean isVideo() {
        return producer.kind() == TrackKind.VIDEO;
    }

    public int currentLayer() {
        int src = rewriter.currentSource();
        for (int i = 0; i < producer.layerCount(); i++) {
            if (producer.layer(i).sourceId() == src) return i;
        }
        return -1;
    }

    public long packetsSent() {
        return packetsSent;
    }

    public long retransmissionsSent() {
        return retransmissionsSent;
    }

    public long rttMicros() {
        return lastRttMicros;
    }

    public int fractionLost() {
        return lastFractionLost;
    }

    /** True once the subscriber sent a report block about this stream ({@link #fractionLost()} means something). */
    public boolean hasReceiverReport() {
        return hasReceiverReport;
    }

    /** Called for every packet of the producer; decides whether this subscriber gets it and sends it. */
    void onPacket(IncomingStream s, byte[] buf, int off, int len, boolean keyframe, long nowNanos) {
        if (closed || !subscriber.transport().canSend()) return;
        int seq = RtpPacket.sequenceNumber(buf, off, len);
        long ts = RtpPacket.timestamp(buf, off, len);
        if (maxLayer < 0 && producer.kind() == TrackKind.VIDEO) {
            rewriter.detach();
            return;
        }
        if (rewriter.currentSource() != s.sourceId()) {
            if (producer.kind() == TrackKind.AUDIO) {
                rewriter.switchTo(s.sourceId(), seq, ts, -1, -1, nowNanos, producer.clockRate());
            } else {
                int target = producer.highestActiveLayer(maxLayer, nowNanos);
                if (s.layer() != target) return;
                if (!keyframe) {
                    producer.requestKeyframe(s, nowNanos);
                    return;
                }
                int payloadOff = off + RtpPacket.headerLength(buf, off, len);
                int payloadLen = RtpPacket.payloadLength(buf, off, len);
                rewriter.switchTo(s.sourceId(), seq, ts,
                        Vp8PayloadDescriptor.pictureId(buf, payloadOff, payloadLen),
                        Vp8PayloadDescriptor.tl0PicIdx(buf, payloadOff, payloadLen),
                        nowNanos, producer.clockRate());
            }
        } else if (producer.kind() == TrackKind.VIDEO) {
            int target = producer.highestActiveLayer(maxLayer, nowNanos);
            if (target >= 0 && target != s.layer()) {
                producer.requestKeyframe(producer.layer(target), nowNanos);
            }
        }
        if (producer.kind() == TrackKind.VIDEO && !passesTemporalFilter(s, buf, off, len, seq)) return;
        if (!rewriter.accept(s.sourceId(), seq, ts, nowNanos)) return;
        int outSeq = rewriter.outSeq();
        history.record(outSeq, s.sourceId(), seq, rewriter.tsOffset(), rewriter.effectivePictureIdOffset(),
                rewriter.tl0Offset());
        int n = writer.write(this, buf, off, len, outSeq, rewriter.outTs(), rewriter);
        if (n > 0) {
            packetsSent++;
            payloadBytesSent += RtpPacket.payloadLength(buf, off, len);
            subscriber.sendRtp(writer.buffer(), 0, n, isVideo());
        }
    }

    /**
     * VP8 temporal scalability (L1T3: TL0 every 4th frame, TL1 between, TL2 the rest): frames above the allowed
     * temporal layer are left out, halving or quartering the frame rate and about 40–60 % of the bitrate. The limit
     * changes only where a TL0 frame starts, so every forwarded frame's references were forwarded too.
     */
    private boolean passesTemporalFilter(IncomingStream s, byte[] buf, int off, int len, int seq) {
        int header = RtpPacket.headerLength(buf, off, len);
        int payloadLen = RtpPacket.payloadLength(buf, off, len);
        if (header < 0 || payloadLen <= 0) return true;
        int tid = Vp8PayloadDescriptor.temporalId(buf, off + header, payloadLen);
        boolean frameStart = Vp8PayloadDescriptor.startOfFrame(buf, off + header, payloadLen);
        if (frameStart && tid <= 0) activeMaxTemporal = maxTemporal;
        if (tid <= activeMaxTemporal) return true;
        if (rewriter.drop(s.sourceId(), seq, frameStart)) temporalDrops++;
        return false;
    }

    /** Highest VP8 temporal layer to forward (2 = all of L1T3; the allocator lowers it on thin lines). */
    public void setMaxTemporal(int tid) {
        this.maxTemporal = Math.max(0, tid);
    }

    public int maxTemporal() {
        return maxTemporal;
    }

    public long temporalDrops() {
        return temporalDrops;
    }

    /** The subscriber lost these outgoing packets: resend what the publisher's cache still holds. */
    void onNack(int[] lostSeqs, int count) {
        if (closed) return;
        for (int i = 0; i < count; i++) {
            int h = history.find(lostSeqs[i]);
            if (h < 0) continue;
            IncomingStream s = producer.streamBySourceId(history.source(h));
            if (s == null) continue;
            int c = s.cache().find(history.inSeq(h));
            if (c < 0) continue;
            byte[] pkt = s.cache().data(c);
            int len = s.cache().length(c);
            long outTs = (RtpPacket.timestamp(pkt, 0, len) + history.tsOffset(h)) & 0xFFFFFFFFL;
            boolean useRtx = rtxSsrc >= 0 && media.rtxPayloadType() >= 0;
            int n = writer.writeRetransmission(this, pkt, 0, len, lostSeqs[i] & 0xFFFF, outTs,
                    history.pictureIdOffset(h), history.tl0Offset(h), useRtx, rtxSeq);
            if (n > 0) {
                if (useRtx) rtxSeq = (rtxSeq + 1) & 0xFFFF;
                retransmissionsSent++;
                subscriber.sendRetransmission(writer.buffer(), 0, n, isVideo());
            }
        }
    }

    /**
     * Sends a copy of the newest packet still in the publisher's cache as RTX, as padding for a bandwidth probe
     * (the receiver drops the duplicate). Returns the bytes sent, 0 when nothing could be sent.
     */
    int sendProbePacket(int seq) {
        if (closed || rtxSsrc < 0 || media.rtxPayloadType() < 0 || !rewriter.hasSent()) return 0;
        {
            int h = history.find(seq);
            if (h < 0) return 0;
            IncomingStream s = producer.streamBySourceId(history.source(h));
            if (s == null) return 0;
            int c = s.cache().find(history.inSeq(h));
            if (c < 0) return 0;
            byte[] pkt = s.cache().data(c);
            int len = s.cache().length(c);
            long outTs = (RtpPacket.timestamp(pkt, 0, len) + history.tsOffset(h)) & 0xFFFFFFFFL;
            int n = writer.writeRetransmission(this, pkt, 0, len, seq, outTs,
                    history.pictureIdOffset(h), history.tl0Offset(h), true, rtxSeq);
            if (n <= 0) return 0;
            rtxSeq = (rtxSeq + 1) & 0xFFFF;
            subscriber.sendRtp(writer.buffer(), 0, n, true);
            return n;
        }
    }

    /**
     * The outgoing sequence number of the largest recently sent packet still in the publisher's cache (a probe
     * should be made of full-size packets), with its size in the low 16 bits: {@code (seq << 16) | size}; -1 if none.
     */
    long probeSource() {
        if (closed || rtxSsrc < 0 || media.rtxPayloadType() < 0 || !rewriter.hasSent()) return -1;
        long best = -1;
        int bestLen = 0;
        for (int back = 0; back < 32; back++) {
            int seq = (rewriter.highestOutSeq() - back) & 0xFFFF;
            int h = history.find(seq);
            if (h < 0) continue;
            IncomingStream s = producer.streamBySourceId(history.source(h));
            if (s == null) continue;
            int c = s.cache().find(history.inSeq(h));
            if (c < 0) continue;
            int len = s.cache().length(c);
            if (len > bestLen) {
                bestLen = len;
                best = ((long) seq << 16) | len;
            }
        }
        return best;
    }

    /** The subscriber asked for a keyframe (PLI/FIR on our SSRC): pass it on to the stream it is watching. */
    void onKeyframeRequest(long nowNanos) {
        int layer = currentLayer();
        if (layer < 0) layer = Math.max(0, producer.highestActiveLayer(maxLayer, nowNanos));
        producer.requestKeyframe(producer.layer(layer), nowNanos);
    }

    /** The publisher sent a sender report for {@code s}: translate it for this subscriber if it is watching s. */
    void onSourceSenderReport(IncomingStream s) {
        if (closed || s.sourceId() != rewriter.currentSource() || !rewriter.hasSent()) return;
        long rtpTs = (s.srRtpTs() + rewriter.tsOffset()) & 0xFFFFFFFFL;
        subscriber.sendSenderReport(this, s.srNtp(), rtpTs, packetsSent, payloadBytesSent);
    }

    /** A report block from the subscriber about our stream. */
    void onReceiverReport(int fractionLost, long jitter, long rttMicros) {
        lastFractionLost = fractionLost;
        hasReceiverReport = true;
        lastJitter = jitter;
        if (rttMicros >= 0) lastRttMicros = rttMicros;
    }

    /** Notes the SR we just sent (middle 32 bits of its NTP time), to compute RTT from the subscriber's LSR/DLSR. */
    void onSenderReportSent(long ntpMiddle32, long nowNanos) {
        lastSrMiddle = ntpMiddle32;
        lastSrSentNanos = nowNanos;
    }

    /** RTT per RFC 3550 §6.4.1 from a report block's LSR and DLSR (1/65536 s), in µs, or -1 when it does not match. */
    long rttFromReport(long lsr, long dlsr, long nowNanos) {
        if (lsr == 0 || lsr != lastSrMiddle || lastSrSentNanos == Long.MIN_VALUE) return -1;
        long rttNanos = nowNanos - lastSrSentNanos - dlsr * 1_000_000_000L / 65536;
        return rttNanos < 0 ? 0 : rttNanos / 1000;
    }

    public long jitter() {
        return lastJitter;
    }

    boolean isClosed() {
        return closed;
    }

    /** Detaches from the producer and the subscriber. Idempotent. */
    void close() {
        if (closed) return;
        closed = true;
        producer.removeConsumer(this);
        subscriber.onConsumerClosed(this);
    }
}
