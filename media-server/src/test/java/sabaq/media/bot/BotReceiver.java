package sabaq.media.bot;

import sabaq.media.rtcp.FullIntraRequest;
import sabaq.media.rtcp.GenericNack;
import sabaq.media.rtcp.PictureLossIndication;
import sabaq.media.rtcp.ReportBlock;
import sabaq.media.rtcp.RtcpPacket;
import sabaq.media.rtcp.RtcpParser;
import sabaq.media.rtcp.SenderReport;
import sabaq.media.rtp.RtpPacket;
import sabaq.media.srtp.SrtpTransformer;
import sabaq.common.time.TimeSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bot's inbound SRTP/SRTCP (RFC 3711) on its receive thread: optional simulated loss (a percentage of RTP packets
 * dropped before decryption, as the network would), decryption with the server keys, RTX unwrapping (RFC 4588
 * section 4: the original sequence number leads the payload), per-SSRC {@link ReceivedStream} statistics, automatic
 * NACKs for gaps, and RTCP: counted in the {@link RtcpLog}, SRs kept for our receiver reports, PLI/FIR/NACK about our
 * streams passed to the {@link BotSender}.
 */
final class BotReceiver {
    static final long NACK_RETRY_NANOS = 40_000_000L;
    static final int NACK_MAX_TRIES = 3;
    static final long NACK_GIVE_UP_NANOS = 1_000_000_000L;

    private final BotSender sender;
    private final TimeSource time;
    private final boolean autoNack;
    private final SplittableRandom lossRandom;
    private final Map<Long, ReceivedStream> bySsrc = new ConcurrentHashMap<>();
    private final Map<Long, ReceivedStream> byRtxSsrc = new ConcurrentHashMap<>();
    private final Map<String, ReceivedStream> byMid = new ConcurrentHashMap<>();
    private final RtcpLog rtcp = new RtcpLog();
    private final AtomicLong notReady = new AtomicLong();
    private final AtomicLong authFailures = new AtomicLong();
    private final AtomicLong unknownSsrc = new AtomicLong();
    private final AtomicLong simulatedLoss = new AtomicLong();
    private final AtomicLong nacksSent = new AtomicLong();
    private final AtomicLong retransmissionsAnswered = new AtomicLong();
    static final int MAX_EARLY = 256;
    /** SRTP that arrived before our DTLS keys; touched only by the receive thread. */
    private final java.util.ArrayDeque<byte[]> early = new java.util.ArrayDeque<>();
    private volatile SrtpTransformer srtp;
    private volatile int dropPercent;

    BotReceiver(BotSender sender, TimeSource time, boolean autoNack, long seed) {
        this.sender = sender;
        this.time = time;
        this.autoNack = autoNack;
        this.lossRandom = new SplittableRandom(seed);
    }

    void keys(SrtpTransformer t) {
        srtp = t;
    }

    /** Registers (or keeps) the stream the SFU sends on a receive m-line. */
    void expect(String mid, long ssrc, long rtxSsrc, boolean video) {
        ReceivedStream old = byMid.get(mid);
        if (old != null && old.ssrc() == ssrc) return;
        ReceivedStream s = new ReceivedStream(mid, ssrc, rtxSsrc, video);
        if (old != null) {
            bySsrc.remove(old.ssrc());
            if (old.rtxSsrc() >= 0) byRtxSsrc.remove(old.rtxSsrc());
        }
        byMid.put(mid, s);
        bySsrc.put(ssrc, s);
        if (rtxSsrc >= 0) byRtxSsrc.put(rtxSsrc, s);
    }

    void dropPercent(int percent) {
        if (percent < 0 || percent > 100) throw new IllegalArgumentException("percent " + percent);
        dropPercent = percent;
    }

    /**
     * An RTP or RTCP datagram (first byte 128..191) from the SFU, on the receive thread. The SFU finishes DTLS a
     * round trip before we do (the server's Finished is the last flight) and may send at once: such early packets are
     * kept (up to {@value #MAX_EARLY}) and processed once our keys are in place, so the statistics show exactly what
     * the SFU sent.
     */
    void onSrtp(byte[] buf, int len) {
        SrtpTransformer t = srtp;
        if (t == null) {
            notReady.incrementAndGet();
            if (early.size() < MAX_EARLY) early.add(java.util.Arrays.copyOf(buf, len));
            return;
        }
        while (!early.isEmpty()) {
            byte[] e = early.poll();
            process(t, e, e.length);
        }
        process(t, buf, len);
    }

    private void process(SrtpTransformer t, byte[] buf, int len) {
        long now = time.nanoTime();
        if (RtpPacket.isRtcp(buf, 0, len)) {
            int n = t.unprotectRtcp(buf, 0, len);
            if (n < 0) {
                authFailures.incrementAndGet();
                return;
            }
            onRtcp(buf, n, now);
            return;
        }
        int percent = dropPercent;
        if (percent > 0 && lossRandom.nextInt(100) < percent) {
            simulatedLoss.incrementAndGet();
            return;
        }
        int n = t.unprotectRtp(buf, 0, len);
        if (n < 0) {
            authFailures.incrementAndGet();
            return;
        }
        onRtp(buf, n, now);
    }

    private void onRtp(byte[] buf, int len, long now) {
        long ssrc = RtpPacket.ssrc(buf, 0, len);
        ReceivedStream s = bySsrc.get(ssrc);
        boolean rtx = false;
        int seq = RtpPacket.sequenceNumber(buf, 0, len);
        if (s == null) {
            s = byRtxSsrc.get(ssrc);
            if (s == null) {
                unknownSsrc.incrementAndGet();
                return;
            }
            int header = RtpPacket.headerLength(buf, 0, len);
            int payload = RtpPacket.payloadLength(buf, 0, len);
            if (header < 0 || payload < 2) return;
            seq = ((buf[header] & 0xFF) << 8) | (buf[header + 1] & 0xFF);
            System.arraycopy(buf, header + 2, buf, header, payload - 2);
            buf[0] &= (byte) ~0x20;
            len = header + payload - 2;
            rtx = true;
        }
        long gapsBefore = s.gapsOpened();
        s.onPacket(buf, 0, len, seq, rtx, now);
        if (autoNack && s.gapsOpened() != gapsBefore) nack(s, now);
    }

    private void onRtcp(byte[] buf, int len, long now) {
        List<RtcpPacket> packets = RtcpParser.parseCompound(buf, 0, len);
        rtcp.onCompound(packets);
        if (packets == null) return;
        for (RtcpPacket p : packets) {
            if (p instanceof SenderReport) {
                SenderReport sr = (SenderReport) p;
                ReceivedStream s = bySsrc.get(sr.senderSsrc());
                if (s != null) s.onSenderReport(sr.ntpSeconds(), sr.ntpFraction(), now);
            } else if (p instanceof PictureLossIndication) {
                sender.onKeyframeRequest(((PictureLossIndication) p).mediaSsrc());
            } else if (p instanceof FullIntraRequest) {
                sender.onKeyframeRequest(((FullIntraRequest) p).mediaSsrc());
            } else if (p instanceof GenericNack) {
                GenericNack n = (GenericNack) p;
                retransmissionsAnswered.addAndGet(sender.retransmit(n.mediaSsrc(), n.lostSeqs(), now));
            }
        }
    }

    /** NACKs what is due on every stream (the periodic retry; gaps are also NACKed as soon as they open). */
    void nackDue() {
        if (!autoNack) return;
        long now = time.nanoTime();
        for (ReceivedStream s : bySsrc.values()) nack(s, now);
    }

    private void nack(ReceivedStream s, long now) {
        int[] due = s.dueNacks(now, NACK_RETRY_NANOS, NACK_MAX_TRIES, NACK_GIVE_UP_NANOS);
        if (due.length == 0) return;
        sender.sendNack(s.ssrc(), due);
        nacksSent.incrementAndGet();
    }

    /** One report block per stream that received something. */
    List<ReportBlock> reportBlocks() {
        long now = time.nanoTime();
        List<ReportBlock> blocks = new ArrayList<>();
        for (ReceivedStream s : bySsrc.values()) {
            if (s.packets() == 0) continue;
            long[] b = s.reportBlock(now);
            blocks.add(new ReportBlock(s.ssrc(), (int) b[0], (int) b[1], b[2], 0, b[3], b[4]));
        }
        return blocks;
    }

    ReceivedStream byMid(String mid) {
        return byMid.get(mid);
    }

    Map<String, ReceivedStream> streams() {
        return Map.copyOf(byMid);
    }

    RtcpLog rtcp() {
        return rtcp;
    }

    long notReady() {
        return notReady.get();
    }

    long authFailures() {
        return authFailures.get();
    }

    long unknownSsrc() {
        return unknownSsrc.get();
    }

    long simulatedLoss() {
        return simulatedLoss.get();
    }

    long nacksSent() {
        return nacksSent.get();
    }

    long retransmissionsAnswered() {
        return retransmissionsAnswered.get();
    }
}
