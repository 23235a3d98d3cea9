package sabaq.media.room;

import sabaq.media.forward.PacketCache;
import sabaq.media.rtp.RtpReceiveStatistics;

/**
 * One RTP stream a publisher sends: an audio track, a non-simulcast video track, or one simulcast layer (rid).
 * Holds RFC 3550 receive statistics, the packet cache for retransmissions, the last sender report (to translate
 * it for subscribers) and the liveness of the layer. Event loop only.
 */
public final class IncomingStream {
    /** A layer counts as active while it sent a packet within this window. */
    static final long ACTIVE_WINDOW_NANOS = 1_500_000_000L;

    private final int sourceId;
    private final Producer producer;
    private final int layer;
    private final String rid;
    private long ssrc = -1;
    private long rtxSsrc = -1;
    private final RtpReceiveStatistics stats = new RtpReceiveStatistics();
    private final PacketCache cache;
    private final NackRequester nacks;

    private int firSeq;
    private int lastReportedFractionLost;
    private boolean fractionLostReported;
    private long lastPacketNanos = Long.MIN_VALUE;
    private long lastKeyframeNanos = Long.MIN_VALUE;
    private long lastKeyframeRequestNanos = Long.MIN_VALUE;
    private long bytesInWindow;
    private long windowStartNanos;
    private long bitrateBps;

    // Last sender report of this stream: NTP time, RTP time and our receive time (for LSR/DLSR and translation).
    private long srNtp;
    private long srRtpTs;
    private long srReceivedNanos = Long.MIN_VALUE;

    IncomingStream(int sourceId, Producer producer, int layer, String rid, int cacheSize) {
        this.sourceId = sourceId;
        this.producer = producer;
        this.layer = layer;
        this.rid = rid;
        this.cache = new PacketCache(cacheSize);
        this.nacks = new NackRequester();
    }

    public int sourceId() {
        return sourceId;
    }

    public Producer producer() {
        return producer;
    }

    public int layer() {
        return layer;
    }

    public String rid() {
        return rid;
    }

    public long ssrc() {
        return ssrc;
    }

    void setSsrc(long ssrc) {
        this.ssrc = ssrc;
    }

    public long rtxSsrc() {
        return rtxSsrc;
    }

    void setRtxSsrc(long rtxSsrc) {
        this.rtxSsrc = rtxSsrc;
    }

    public RtpReceiveStatistics stats() {
        return stats;
    }

    public PacketCache cache() {
        return cache;
    }

    NackRequester nacks() {
        return nacks;
    }

    void onPacketReceived(long nowNanos, int bytes) {
        lastPacketNanos = nowNanos;
        if (nowNanos - windowStartNanos >= 1_000_000_000L) {
            long elapsed = Math.max(1, nowNanos - windowStartNanos);
            bitrateBps = windowStartNanos == 0 ? 0 : bytesInWindow * 8L * 1_000_000_000L / elapsed;
            bytesInWindow = 0;
            windowStartNanos = nowNanos;
        }
        bytesInWindow += bytes;
    }

    void onKeyframe(long nowNanos) {
        lastKeyframeNanos = nowNanos;
    }

    public long lastKeyframeNanos() {
        return lastKeyframeNanos;
    }

    public boolean isActive(long nowNanos) {
        return lastPacketNanos != Long.MIN_VALUE && nowNanos - lastPacketNanos < ACTIVE_WINDOW_NANOS;
    }

    /** Bits per second over the last full second. */
    public long bitrateBps() {
        return bitrateBps;
    }

    /** True when a keyframe request may go out now (rate limit); records the request. */
    boolean tryKeyframeRequest(long nowNanos, long minIntervalNanos) {
        if (lastKeyframeRequestNanos != Long.MIN_VALUE && nowNanos - lastKeyframeRequestNanos < minIntervalNanos) {
            return false;
        }
        lastKeyframeRequestNanos = nowNanos;
        return true;
    }

    /** Fraction lost (0–255, RFC 3550) in our last receiver report for this stream. */
    int lastReportedFractionLost() {
        return lastReportedFractionLost;
    }

    void setLastReportedFractionLost(int f) {
        lastReportedFractionLost = f;
        fractionLostReported = true;
    }

    /** As {@link #lastReportedFractionLost()}, but -1 before the first report (for the operations figures). */
    int reportedFractionLostOrUnknown() {
        return fractionLostReported ? lastReportedFractionLost : -1;
    }

    /** Command sequence number for the next FIR (RFC 5104 §4.3.1.1), incremented per new request. */
    int nextFirSeq() {
        firSeq = (firSeq + 1) & 0xFF;
        return firSeq;
    }

    void onSenderReport(long ntp, long rtpTs, long nowNanos) {
        srNtp = ntp;
        srRtpTs = rtpTs;
        srReceivedNanos = nowNanos;
    }

    public boolean hasSenderReport() {
        return srReceivedNanos != Long.MIN_VALUE;
    }

    public long srNtp() {
        return srNtp;
    }

    public long srRtpTs() {
        return srRtpTs;
    }

    public long srReceivedNanos() {
        return srReceivedNanos;
    }
}
