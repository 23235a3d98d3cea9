package sabaq.recorder.webrtc;

import sabaq.media.rtcp.ReportBlock;
import sabaq.media.rtp.RtpPacket;
import sabaq.media.rtp.RtpReceiveStatistics;
import sabaq.media.rtp.SeqNumUnwrapper;
import sabaq.media.rtp.TimestampUnwrapper;
import sabaq.recorder.media.RtpPacketView;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One SSRC the SFU sends on a subscribed m-line: RFC 3550 receive statistics for receiver reports, sequence and
 * timestamp unwrapping, RTX unwrapping (RFC 4588 section 4: the original sequence number leads the payload), and
 * NACK pacing (each missing packet requested at most {@value #NACK_TRIES} times, {@value #NACK_RETRY_NANOS} ns
 * apart). Synchronized: the receive thread feeds it, the scheduler reads it.
 */
final class InboundStream {
    static final int NACK_TRIES = 3;
    static final long NACK_RETRY_NANOS = 50_000_000L;

    final String mid;
    final long ssrc;
    final long rtxSsrc;
    final int payloadType;
    final int rtxPayloadType;
    final int clockRate;
    final InboundSink sink;
    private final RtpReceiveStatistics stats = new RtpReceiveStatistics();
    private final SeqNumUnwrapper seqs = new SeqNumUnwrapper();
    private final TimestampUnwrapper timestamps = new TimestampUnwrapper();
    private final Map<Long, long[]> nacked = new HashMap<>();
    private long lastSrMiddle;
    private long lastSrNanos = Long.MIN_VALUE;
    private long lastPliNanos = Long.MIN_VALUE;
    private long packets;
    private long retransmissions;

    InboundStream(String mid, long ssrc, long rtxSsrc, int payloadType, int rtxPayloadType, int clockRate,
                  InboundSink sink) {
        this.mid = mid;
        this.ssrc = ssrc;
        this.rtxSsrc = rtxSsrc;
        this.payloadType = payloadType;
        this.rtxPayloadType = rtxPayloadType;
        this.clockRate = clockRate;
        this.sink = sink;
    }

    /** A decrypted packet on the media or RTX SSRC; malformed ones are dropped. */
    void onRtp(byte[] buf, int len, boolean rtx, long nowNanos) {
        int header = RtpPacket.headerLength(buf, 0, len);
        int payload = RtpPacket.payloadLength(buf, 0, len);
        if (header < 0 || payload < 0) return;
        int seq = RtpPacket.sequenceNumber(buf, 0, len);
        int pt = RtpPacket.payloadType(buf, 0, len);
        int from = header;
        int size = payload;
        if (rtx) {
            if (pt != rtxPayloadType || payload < 2) return;
            seq = ((buf[header] & 0xFF) << 8) | (buf[header + 1] & 0xFF);
            from += 2;
            size -= 2;
            if (size == 0) return;
        } else if (pt != payloadType) {
            return;
        }
        byte[] copy = new byte[size];
        System.arraycopy(buf, from, copy, 0, size);
        long ts = RtpPacket.timestamp(buf, 0, len);
        RtpPacketView view;
        synchronized (this) {
            if (!rtx) stats.onPacket(seq, ts, nowNanos, clockRate, size);
            long ext = seqs.unwrap(seq);
            nacked.remove(ext);
            view = new RtpPacketView(ext, timestamps.unwrap(ts), RtpPacket.marker(buf, 0, len), copy, nowNanos);
            packets++;
            if (rtx) retransmissions++;
        }
        sink.onPacket(view);
    }

    synchronized void onSenderReport(long ntpMiddle, long nowNanos) {
        lastSrMiddle = ntpMiddle;
        lastSrNanos = nowNanos;
    }

    /** 16-bit sequence numbers due for a NACK now. */
    int[] dueNacks(long nowNanos) {
        List<Long> missing = sink.missing(64);
        synchronized (this) {
            nacked.keySet().retainAll(missing);
            int[] out = new int[missing.size()];
            int n = 0;
            for (Long s : missing) {
                long[] st = nacked.computeIfAbsent(s, k -> new long[]{0, Long.MIN_VALUE});
                if (st[0] >= NACK_TRIES || (st[1] != Long.MIN_VALUE && nowNanos - st[1] < NACK_RETRY_NANOS)) continue;
                st[0]++;
                st[1] = nowNanos;
                out[n++] = (int) (s & 0xFFFF);
            }
            return java.util.Arrays.copyOf(out, n);
        }
    }

    /** True (and remembered) when a PLI may go out now: at most one per {@code minGapNanos}. */
    synchronized boolean pliAllowed(long nowNanos, long minGapNanos) {
        if (lastPliNanos != Long.MIN_VALUE && nowNanos - lastPliNanos < minGapNanos) return false;
        lastPliNanos = nowNanos;
        return true;
    }

    synchronized ReportBlock reportBlock(long nowNanos) {
        long dlsr = lastSrNanos == Long.MIN_VALUE ? 0 : (nowNanos - lastSrNanos) * 65536 / 1_000_000_000L;
        return new ReportBlock(ssrc, stats.fractionLostSinceLastReport(), stats.cumulativeLost(),
                stats.extendedHighestSeq() & 0xFFFFFFFFL, stats.jitter() & 0xFFFFFFFFL,
                lastSrNanos == Long.MIN_VALUE ? 0 : lastSrMiddle, dlsr);
    }

    synchronized boolean hasPackets() {
        return packets > 0;
    }

    synchronized long packets() {
        return packets;
    }

    synchronized long retransmissions() {
        return retransmissions;
    }
}
