package sabaq.media.bot;

import sabaq.media.rtp.RtpPacket;
import sabaq.media.rtp.Vp8PayloadDescriptor;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a bot received on one SSRC the SFU sends it (RFC 3550 receiver view, from the clear RTP header after SRTP):
 * packets, payload bytes, sequence gaps still open and repaired, duplicates, VP8 keyframes (RFC 7741 payload
 * descriptor + VP8 frame tag) and whether the very first packet started a keyframe, retransmissions (RFC 4588 RTX or
 * a late packet on the media SSRC), and the last sender report (for LSR/DLSR in our receiver reports).
 *
 * <p>Written by the bot's receive thread; every read is synchronized, so tests may poll from any thread.
 */
public final class ReceivedStream {
    /** Missing sequence numbers remembered for NACK and repair accounting. */
    static final int MAX_MISSING = 512;
    /** A forward jump larger than this is a stream restart, not loss. */
    static final int MAX_GAP = 3000;

    private final String mid;
    private final long ssrc;
    private final long rtxSsrc;
    private final boolean video;

    private long packets;
    private long payloadBytes;
    private long retransmissions;
    private long recovered;
    private long duplicates;
    private long gapsOpened;
    private long keyframes;
    private Boolean firstPacketKeyframe;
    private int lastKeyframeWidth = -1;
    private int lastKeyframeHeight = -1;
    private int firstSeq = -1;
    private int highestSeq = -1;
    private long cycles;
    private long receivedSinceReport;
    private long expectedAtLastReport;
    private long lastSrNtpMiddle;
    private long lastSrReceivedNanos = Long.MIN_VALUE;
    private long senderReports;
    private int lastPictureId = -1;
    private long pictureIdJumps;
    private final Map<Integer, long[]> missing = new LinkedHashMap<>();

    ReceivedStream(String mid, long ssrc, long rtxSsrc, boolean video) {
        this.mid = mid;
        this.ssrc = ssrc;
        this.rtxSsrc = rtxSsrc;
        this.video = video;
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

    /** A decrypted media packet on the media SSRC, or an RTX packet already unwrapped to {@code seq}. */
    synchronized void onPacket(byte[] buf, int off, int len, int seq, boolean retransmission, long nowNanos) {
        int header = RtpPacket.headerLength(buf, off, len);
        int payload = RtpPacket.payloadLength(buf, off, len);
        if (header < 0 || payload < 0) return;
        if (retransmission) retransmissions++;
        trackSequence(seq, nowNanos);
        packets++;
        payloadBytes += payload;
        if (video && payload > 0) {
            int p = off + header;
            boolean key = Vp8PayloadDescriptor.isKeyframe(buf, p, payload);
            if (firstPacketKeyframe == null) firstPacketKeyframe = key;
            if (key) {
                keyframes++;
                readDimensions(buf, p, payload);
            }
            int pic = Vp8PayloadDescriptor.pictureId(buf, p, payload);
            if (pic >= 0 && Vp8PayloadDescriptor.startOfFrame(buf, p, payload) && !retransmission) {
                if (lastPictureId >= 0 && pic != ((lastPictureId + 1) & 0x7FFF)) pictureIdJumps++;
                lastPictureId = pic;
            }
        }
    }

    /** A packet newer than any seen may open a gap; an older one repairs a gap, or else is a duplicate. */
    private void trackSequence(int seq, long nowNanos) {
        if (highestSeq < 0) {
            firstSeq = seq;
            highestSeq = seq;
            return;
        }
        int diff = (short) ((seq - highestSeq) & 0xFFFF);
        if (diff > 0) {
            if (diff > 1 && diff <= MAX_GAP) {
                gapsOpened += diff - 1;
                for (int k = 1; k < diff; k++) addMissing((highestSeq + k) & 0xFFFF, nowNanos);
            } else if (diff > MAX_GAP) {
                missing.clear();
            }
            if (seq < highestSeq) cycles += 1 << 16;
            highestSeq = seq;
            return;
        }
        if (missing.remove(seq) != null) {
            recovered++;
        } else {
            duplicates++;
        }
    }

    private void addMissing(int seq, long nowNanos) {
        if (missing.size() >= MAX_MISSING) {
            Iterator<Integer> it = missing.keySet().iterator();
            it.next();
            it.remove();
        }
        missing.put(seq, new long[]{nowNanos, Long.MIN_VALUE, 0});
    }

    /** VP8 key frame header (RFC 6386 section 9.1): 3-byte frame tag, start code 9d 01 2a, 14-bit width and height. */
    private void readDimensions(byte[] buf, int off, int len) {
        int d = Vp8PayloadDescriptor.descriptorLength(buf, off, len);
        int p = off + d;
        if (d < 0 || len - d < 10) return;
        if ((buf[p + 3] & 0xFF) != 0x9d || (buf[p + 4] & 0xFF) != 0x01 || (buf[p + 5] & 0xFF) != 0x2a) return;
        lastKeyframeWidth = ((buf[p + 6] & 0xFF) | (buf[p + 7] & 0xFF) << 8) & 0x3FFF;
        lastKeyframeHeight = ((buf[p + 8] & 0xFF) | (buf[p + 9] & 0xFF) << 8) & 0x3FFF;
    }

    synchronized void onSenderReport(long ntpSeconds, long ntpFraction, long nowNanos) {
        senderReports++;
        lastSrNtpMiddle = ((ntpSeconds & 0xFFFF) << 16) | (ntpFraction >>> 16);
        lastSrReceivedNanos = nowNanos;
    }

    /**
     * Sequence numbers due for a (re)NACK: never requested, or last requested {@code retryNanos} ago, at most
     * {@code maxTries} times and not after {@code giveUpNanos}. Marks them requested. Given-up entries stay missing.
     */
    synchronized int[] dueNacks(long nowNanos, long retryNanos, int maxTries, long giveUpNanos) {
        int[] out = new int[missing.size()];
        int n = 0;
        for (Map.Entry<Integer, long[]> e : missing.entrySet()) {
            long[] st = e.getValue();
            if (nowNanos - st[0] > giveUpNanos || st[2] >= maxTries) continue;
            if (st[1] == Long.MIN_VALUE || nowNanos - st[1] >= retryNanos) {
                st[1] = nowNanos;
                st[2]++;
                out[n++] = e.getKey();
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** An RFC 3550 report block about this stream (fraction lost since the last call, cumulative lost, LSR/DLSR). */
    synchronized long[] reportBlock(long nowNanos) {
        long extHighest = cycles + (highestSeq < 0 ? 0 : highestSeq);
        long expected = highestSeq < 0 ? 0 : extHighest - firstSeq + 1;
        long lost = Math.max(0, Math.min(expected - packets + duplicates, 0x7FFFFF));
        long expectedInterval = expected - expectedAtLastReport;
        long receivedInterval = packets - receivedSinceReport;
        long lostInterval = expectedInterval - receivedInterval;
        int fraction = expectedInterval <= 0 || lostInterval <= 0 ? 0 : (int) Math.min(255, (lostInterval << 8) / expectedInterval);
        expectedAtLastReport = expected;
        receivedSinceReport = packets;
        long dlsr = lastSrReceivedNanos == Long.MIN_VALUE ? 0 : (nowNanos - lastSrReceivedNanos) * 65536 / 1_000_000_000L;
        return new long[]{fraction, lost, extHighest, lastSrReceivedNanos == Long.MIN_VALUE ? 0 : lastSrNtpMiddle, dlsr};
    }

    public synchronized long packets() {
        return packets;
    }

    public synchronized long payloadBytes() {
        return payloadBytes;
    }

    /** Packets that arrived as retransmissions (on the RTX SSRC, or on the media SSRC filling a gap). */
    public synchronized long retransmissions() {
        return retransmissions;
    }

    /** Gaps filled later by a retransmission or a late packet. */
    public synchronized long recovered() {
        return recovered;
    }

    public synchronized long duplicates() {
        return duplicates;
    }

    /** Sequence numbers ever found missing (forward jumps), whether repaired later or not. */
    public synchronized long gapsOpened() {
        return gapsOpened;
    }

    /** Sequence numbers missing now: opened gaps not (yet) repaired, within the last {@value #MAX_MISSING}. */
    public synchronized int missingNow() {
        return missing.size();
    }

    public synchronized long keyframes() {
        return keyframes;
    }

    /** Whether the first video packet received started a VP8 key frame; null before any packet. */
    public synchronized Boolean firstPacketKeyframe() {
        return firstPacketKeyframe;
    }

    public synchronized int lastKeyframeWidth() {
        return lastKeyframeWidth;
    }

    public synchronized int lastKeyframeHeight() {
        return lastKeyframeHeight;
    }

    public synchronized long senderReports() {
        return senderReports;
    }

    public synchronized int highestSeq() {
        return highestSeq;
    }

    public synchronized int lastPictureId() {
        return lastPictureId;
    }

    /** Frames whose VP8 picture id did not follow the previous frame's by one (RFC 7741: +1 per frame). */
    public synchronized long pictureIdJumps() {
        return pictureIdJumps;
    }

    @Override
    public synchronized String toString() {
        return "ReceivedStream[mid=" + mid + " ssrc=" + ssrc + " packets=" + packets + " bytes=" + payloadBytes
                + " gaps=" + gapsOpened + " missing=" + missing.size() + " recovered=" + recovered + " rtx="
                + retransmissions + " dup=" + duplicates + " picJumps=" + pictureIdJumps + " keyframes=" + keyframes + " firstKey="
                + firstPacketKeyframe + " " + lastKeyframeWidth + "x" + lastKeyframeHeight + " SRs=" + senderReports + "]";
    }
}
