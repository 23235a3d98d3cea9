package sabaq.media.room;

import sabaq.media.rtcp.ReportBlock;
import sabaq.media.rtcp.RtcpWriter;
import sabaq.media.rtp.RtpReceiveStatistics;
import sabaq.media.transport.MediaServerContext;

import java.util.ArrayList;
import java.util.List;

/**
 * The periodic RTCP we send a publisher: a receiver report with one block per stream it sends us (RFC 3550 §6.4.2:
 * loss, extended highest sequence, jitter, LSR/DLSR so the browser measures RTT), followed by REMB
 * (draft-alvestrand-rmcat-remb) with the configured ceiling, which browsers need before they turn on the top
 * simulcast layer.
 */
final class ReceiverReportBuilder {
    private static final int MAX_BLOCKS = 31;
    private final Peer peer;
    private final MediaServerContext ctx;

    ReceiverReportBuilder(Peer peer, MediaServerContext ctx) {
        this.peer = peer;
        this.ctx = ctx;
    }

    /** Writes RR + REMB into {@code out}; returns the length, or 0 when there is nothing to report. */
    int build(byte[] out, long nowNanos) {
        List<ReportBlock> blocks = new ArrayList<>();
        List<Long> videoSsrcs = new ArrayList<>();
        for (Producer p : peer.producersByMid.values()) {
            for (int i = 0; i < p.layerCount(); i++) {
                IncomingStream s = p.layer(i);
                if (s.ssrc() < 0 || s.stats().packetsReceived() == 0) continue;
                if (blocks.size() < MAX_BLOCKS) blocks.add(block(s, nowNanos));
                if (p.kind() == sabaq.common.media.TrackKind.VIDEO) videoSsrcs.add(s.ssrc());
            }
        }
        if (blocks.isEmpty()) return 0;
        int n = RtcpWriter.receiverReport(out, 0, peer.rtcpSsrc(), blocks);
        if (n <= 0) return 0;
        if (!videoSsrcs.isEmpty()) {
            long[] ssrcs = videoSsrcs.stream().mapToLong(Long::longValue).toArray();
            int m = RtcpWriter.remb(out, n, peer.rtcpSsrc(), ctx.config().publisherMaxBitrateBps(), ssrcs);
            if (m > 0) n += m;
        }
        return n;
    }

    private static ReportBlock block(IncomingStream s, long nowNanos) {
        RtpReceiveStatistics st = s.stats();
        long lsr = 0;
        long dlsr = 0;
        if (s.hasSenderReport()) {
            lsr = (s.srNtp() >>> 16) & 0xFFFFFFFFL;
            dlsr = (nowNanos - s.srReceivedNanos()) * 65536L / 1_000_000_000L;
        }
        int fractionLost = st.fractionLostSinceLastReport();
        s.setLastReportedFractionLost(fractionLost);
        return new ReportBlock(s.ssrc(), fractionLost, st.cumulativeLost(),
                st.extendedHighestSeq(), st.jitter(), lsr, dlsr);
    }
}
