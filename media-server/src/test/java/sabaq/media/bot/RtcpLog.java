package sabaq.media.bot;

import sabaq.media.rtcp.Bye;
import sabaq.media.rtcp.FullIntraRequest;
import sabaq.media.rtcp.GenericNack;
import sabaq.media.rtcp.PictureLossIndication;
import sabaq.media.rtcp.ReceiverReport;
import sabaq.media.rtcp.Remb;
import sabaq.media.rtcp.ReportBlock;
import sabaq.media.rtcp.RtcpPacket;
import sabaq.media.rtcp.SenderReport;
import sabaq.media.rtcp.SourceDescription;
import sabaq.media.rtcp.TransportCcFeedback;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The RTCP a bot received from the SFU, counted by kind (RFC 3550 SR/RR/SDES/BYE, RFC 4585 NACK/PLI, RFC 5104 FIR,
 * REMB, transport-wide congestion control feedback), plus per media SSRC the keyframe requests, NACKed sequence
 * numbers and report blocks about it. Thread safe.
 */
public final class RtcpLog {
    public enum Kind { SR, RR, SDES, BYE, REMB, TRANSPORT_CC, PLI, FIR, NACK, OTHER }

    private final AtomicLongArray counts = new AtomicLongArray(Kind.values().length);
    private final Map<Long, AtomicLong> keyframeRequests = new ConcurrentHashMap<>();
    private final Map<Long, AtomicLong> nackedSeqs = new ConcurrentHashMap<>();
    private final Map<Long, AtomicLong> reportBlocks = new ConcurrentHashMap<>();
    private final AtomicLong malformed = new AtomicLong();
    private volatile long lastRembBps = -1;

    void onCompound(List<RtcpPacket> packets) {
        if (packets == null) {
            malformed.incrementAndGet();
            return;
        }
        for (RtcpPacket p : packets) {
            if (p instanceof SenderReport) {
                count(Kind.SR);
                blocks(((SenderReport) p).reportBlocks());
            } else if (p instanceof ReceiverReport) {
                count(Kind.RR);
                blocks(((ReceiverReport) p).reportBlocks());
            } else if (p instanceof SourceDescription) {
                count(Kind.SDES);
            } else if (p instanceof Bye) {
                count(Kind.BYE);
            } else if (p instanceof Remb) {
                count(Kind.REMB);
                lastRembBps = ((Remb) p).bitrateBps();
            } else if (p instanceof TransportCcFeedback) {
                count(Kind.TRANSPORT_CC);
            } else if (p instanceof PictureLossIndication) {
                count(Kind.PLI);
                add(keyframeRequests, ((PictureLossIndication) p).mediaSsrc(), 1);
            } else if (p instanceof FullIntraRequest) {
                count(Kind.FIR);
                add(keyframeRequests, ((FullIntraRequest) p).mediaSsrc(), 1);
            } else if (p instanceof GenericNack) {
                count(Kind.NACK);
                GenericNack n = (GenericNack) p;
                add(nackedSeqs, n.mediaSsrc(), n.lostSeqs().length);
            } else {
                count(Kind.OTHER);
            }
        }
    }

    private void blocks(List<ReportBlock> blocks) {
        for (ReportBlock b : blocks) add(reportBlocks, b.ssrc(), 1);
    }

    private void count(Kind k) {
        counts.incrementAndGet(k.ordinal());
    }

    private static void add(Map<Long, AtomicLong> m, long ssrc, long n) {
        m.computeIfAbsent(ssrc, k -> new AtomicLong()).addAndGet(n);
    }

    /** RTCP packets of this kind received so far. */
    public long get(Kind k) {
        return counts.get(k.ordinal());
    }

    /** PLIs and FIRs received for one of our sending SSRCs. */
    public long keyframeRequestsFor(long mediaSsrc) {
        AtomicLong v = keyframeRequests.get(mediaSsrc);
        return v == null ? 0 : v.get();
    }

    /** Sequence numbers NACKed for one of our sending SSRCs (sum over all NACKs). */
    public long nackedFor(long mediaSsrc) {
        AtomicLong v = nackedSeqs.get(mediaSsrc);
        return v == null ? 0 : v.get();
    }

    /** Report blocks (in SRs and RRs) about one of our sending SSRCs. */
    public long reportBlocksAbout(long ssrc) {
        AtomicLong v = reportBlocks.get(ssrc);
        return v == null ? 0 : v.get();
    }

    /** Decrypted compounds our parser refused. */
    public long malformed() {
        return malformed.get();
    }

    /** The last REMB bitrate in bits per second, or -1. */
    public long lastRembBps() {
        return lastRembBps;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("RtcpLog[");
        for (Kind k : Kind.values()) b.append(k).append('=').append(counts.get(k.ordinal())).append(' ');
        return b.append("malformed=").append(malformed.get()).append(']').toString();
    }
}
