package sabaq.media.room;

import sabaq.media.rtcp.FullIntraRequest;
import sabaq.media.rtcp.GenericNack;
import sabaq.media.rtcp.PictureLossIndication;
import sabaq.media.rtcp.ReceiverReport;
import sabaq.media.rtcp.Remb;
import sabaq.media.rtcp.ReportBlock;
import sabaq.media.rtcp.RtcpPacket;
import sabaq.media.rtcp.RtcpParser;
import sabaq.media.rtcp.SenderReport;
import sabaq.media.rtcp.TransportCcFeedback;
import sabaq.media.transport.MediaCounters;
import sabaq.media.transport.MediaCounters.Counter;

import java.util.List;

/**
 * A peer's decrypted RTCP: sender reports of its published streams (kept and translated for subscribers), report
 * blocks about what we send it, keyframe requests and NACKs for its subscriptions, and bandwidth feedback.
 * Malformed compounds are dropped and counted (RFC 3550 §6.1, RFC 5506 reduced size accepted).
 */
final class IncomingRtcpHandler {
    private final Peer peer;
    private final MediaCounters counters;
    private long lastRembBps = -1;
    private long tccFeedbackCount;

    IncomingRtcpHandler(Peer peer, MediaCounters counters) {
        this.peer = peer;
        this.counters = counters;
    }

    void onRtcp(byte[] buf, int off, int len, long nowNanos) {
        List<RtcpPacket> packets = RtcpParser.parseCompound(buf, off, len);
        if (packets == null) {
            counters.increment(Counter.DROP_RTCP_MALFORMED);
            return;
        }
        for (RtcpPacket p : packets) {
            if (p instanceof SenderReport) {
                SenderReport sr = (SenderReport) p;
                IncomingStream s = peer.streamsBySsrc.get(sr.senderSsrc());
                if (s != null && sr.senderSsrc() == s.ssrc()) {
                    long ntp = (sr.ntpSeconds() << 32) | (sr.ntpFraction() & 0xFFFFFFFFL);
                    s.producer().onSenderReport(s, ntp, sr.rtpTimestamp(), nowNanos);
                }
                onReportBlocks(sr.reportBlocks(), nowNanos);
            } else if (p instanceof ReceiverReport) {
                onReportBlocks(((ReceiverReport) p).reportBlocks(), nowNanos);
            } else if (p instanceof PictureLossIndication) {
                Consumer c = peer.consumersBySsrc.get(((PictureLossIndication) p).mediaSsrc());
                if (c != null) c.onKeyframeRequest(nowNanos);
            } else if (p instanceof FullIntraRequest) {
                Consumer c = peer.consumersBySsrc.get(((FullIntraRequest) p).mediaSsrc());
                if (c != null) c.onKeyframeRequest(nowNanos);
            } else if (p instanceof GenericNack) {
                GenericNack nack = (GenericNack) p;
                counters.increment(Counter.NACKS_RECEIVED);
                Consumer c = peer.consumersBySsrc.get(nack.mediaSsrc());
                if (c != null) {
                    int[] lost = nack.lostSeqs();
                    c.onNack(lost, lost.length);
                }
            } else if (p instanceof Remb) {
                lastRembBps = ((Remb) p).bitrateBps();
            } else if (p instanceof TransportCcFeedback) {
                tccFeedbackCount++;
                peer.onTransportFeedback((TransportCcFeedback) p, nowNanos);
            }
        }
    }

    private void onReportBlocks(List<ReportBlock> blocks, long nowNanos) {
        for (ReportBlock b : blocks) {
            Consumer c = peer.consumersBySsrc.get(b.ssrc());
            if (c == null) continue;
            c.onReceiverReport(b.fractionLost(), b.jitter(), c.rttFromReport(b.lastSr(), b.delaySinceLastSr(), nowNanos));
        }
    }

    /** The subscriber's last REMB estimate in bits per second, or -1. */
    long lastRembBps() {
        return lastRembBps;
    }

    long transportCcFeedbackCount() {
        return tccFeedbackCount;
    }
}
