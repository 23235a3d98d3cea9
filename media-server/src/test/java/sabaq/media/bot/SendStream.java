package sabaq.media.bot;

import sabaq.common.media.TrackKind;
import sabaq.media.rtp.RtpHeaderWriter;
import sabaq.media.rtp.RtpPacket;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One RTP stream a bot sends (an audio track, a video track or one simulcast layer) and its RTX companion: sequence
 * numbers, timestamps, the VP8 picture id, the mid/rid header extensions on its first packets (RFC 8843, RFC 8852:
 * that is how an SFU learns the SSRCs of a simulcast offer without {@code a=ssrc}), packet and octet counts for sender
 * reports, and a short history of sent video packets to answer NACKs with RTX (RFC 4588).
 *
 * <p>Packets are written unencrypted into a caller's buffer. Confined to the bot's send lock, except
 * {@link #requestKeyframe()}, which any thread may call.
 */
final class SendStream {
    static final int HISTORY = 512;
    /** Opus in 20 ms frames at 48 kHz. */
    static final int AUDIO_SAMPLES_PER_FRAME = 960;
    static final int VIDEO_CLOCK = 90_000;

    final String mid;
    final TrackKind kind;
    final int layer;
    final long ssrc;
    final long rtxSsrc;
    final int width;
    final int height;
    final int packetsPerFrame;
    private final byte[] midBytes;
    private final byte[] ridBytes;
    private final AtomicBoolean keyframeRequested = new AtomicBoolean(true);
    private volatile boolean active = true;
    private final long tsBase;
    private final long startNanos;

    private int payloadType;
    private int rtxPayloadType = -1;
    private ExtensionIds ids;
    private int seq;
    private int rtxSeq;
    private int identifyLeft;
    private int rtxIdentifyLeft;
    private int pictureId;
    private long audioTs;
    private long lastTs;
    private long lastTsNanos;
    private long packetsSent;
    private long octetsSent;
    private long frames;
    private long keyframesSent;
    private long retransmissionsSent;

    private final byte[][] history = new byte[HISTORY][];
    private final int[] historyLen = new int[HISTORY];
    private final int[] historySeq = new int[HISTORY];

    SendStream(String mid, TrackKind kind, int layer, String rid, long ssrc, long rtxSsrc, int width, int height,
               int packetsPerFrame, int identifyPackets, SplittableRandom random, long nowNanos) {
        this.mid = mid;
        this.kind = kind;
        this.layer = layer;
        this.ssrc = ssrc;
        this.rtxSsrc = rtxSsrc;
        this.width = width;
        this.height = height;
        this.packetsPerFrame = packetsPerFrame;
        this.midBytes = mid.getBytes(StandardCharsets.US_ASCII);
        this.ridBytes = rid == null ? null : rid.getBytes(StandardCharsets.US_ASCII);
        this.seq = random.nextInt(1 << 16);
        this.rtxSeq = random.nextInt(1 << 16);
        this.pictureId = random.nextInt(1 << 15);
        this.tsBase = random.nextLong() & 0xFFFFFFFFL;
        this.audioTs = tsBase;
        this.startNanos = nowNanos;
        this.identifyLeft = identifyPackets;
        this.rtxIdentifyLeft = identifyPackets;
        java.util.Arrays.fill(historySeq, -1);
    }

    /** Applies the answered payload types and extension ids (a renegotiation may change them). */
    void configure(int payloadType, int rtxPayloadType, ExtensionIds ids) {
        this.payloadType = payloadType;
        this.rtxPayloadType = rtxPayloadType;
        this.ids = ids;
    }

    /** The m-line was rejected or made inactive: send nothing on this stream. */
    void disable() {
        this.ids = null;
    }

    boolean configured() {
        return ids != null;
    }

    boolean usesTransportCc() {
        return ids != null && ids.transportCc() > 0;
    }

    /** A browser stops a simulcast layer when bandwidth drops; an inactive stream sends nothing. */
    void active(boolean on) {
        active = on;
    }

    boolean active() {
        return active;
    }

    void requestKeyframe() {
        keyframeRequested.set(true);
    }

    /** Called once per frame: true when this frame must be a key frame (requested, or every {@code interval}). */
    boolean nextFrameIsKey(int keyframeInterval) {
        boolean key = keyframeRequested.getAndSet(false) || (keyframeInterval > 0 && frames % keyframeInterval == 0);
        frames++;
        if (key) keyframesSent++;
        pictureId = (pictureId + 1) & 0x7FFF;
        return key;
    }

    /**
     * Writes one Opus-like packet (20 ms, TOC byte of a 20 ms CELT fullband frame, RFC 6716) with the RFC 6464 audio
     * level. Returns its length.
     */
    int writeAudio(byte[] out, RtpHeaderWriter w, int transportSeq, long nowNanos, int level, boolean voice,
                   int payloadBytes) {
        headerExtensions(w, transportSeq, nowNanos, false);
        if (ids.audioLevel() > 0) w.addAudioLevel(ids.audioLevel(), level, voice);
        lastTs = audioTs;
        lastTsNanos = nowNanos;
        audioTs = (audioTs + AUDIO_SAMPLES_PER_FRAME) & 0xFFFFFFFFL;
        int pos = w.write(out, 0, payloadType, false, nextSeq(), lastTs, ssrc);
        out[pos++] = (byte) 0xFC;
        for (int i = 1; i < payloadBytes; i++) out[pos++] = (byte) (i * 31 + lastTs);
        count(payloadBytes);
        return pos;
    }

    /** Starts a video frame: its RTP timestamp is the capture time on the 90 kHz clock. */
    void startVideoFrame(long nowNanos) {
        lastTs = (tsBase + (nowNanos - startNanos) * VIDEO_CLOCK / 1_000_000_000L) & 0xFFFFFFFFL;
        lastTsNanos = nowNanos;
    }

    /**
     * Writes packet {@code index} of {@code count} of the current VP8 frame (RFC 7741): payload descriptor with
     * S on the first packet and a 15-bit picture id; the first packet also holds the VP8 frame tag (RFC 6386
     * section 9.1) and for a key frame the start code 9d 01 2a and the dimensions. Marker on the last packet.
     */
    int writeVp8(byte[] out, RtpHeaderWriter w, int transportSeq, long nowNanos, int index, int count,
                 boolean keyframe, int payloadBytes) {
        headerExtensions(w, transportSeq, nowNanos, false);
        int s = nextSeq();
        int pos = w.write(out, 0, payloadType, index == count - 1, s, lastTs, ssrc);
        int start = pos;
        out[pos++] = (byte) (0x80 | (index == 0 ? 0x10 : 0));
        out[pos++] = (byte) 0x80;
        out[pos++] = (byte) (0x80 | (pictureId >>> 8));
        out[pos++] = (byte) pictureId;
        if (index == 0) {
            int tag = (keyframe ? 0 : 1) | (1 << 4) | ((payloadBytes * count) << 5);
            out[pos++] = (byte) tag;
            out[pos++] = (byte) (tag >>> 8);
            out[pos++] = (byte) (tag >>> 16);
            if (keyframe) {
                out[pos++] = (byte) 0x9d;
                out[pos++] = 0x01;
                out[pos++] = 0x2a;
                out[pos++] = (byte) width;
                out[pos++] = (byte) (width >>> 8);
                out[pos++] = (byte) height;
                out[pos++] = (byte) (height >>> 8);
            }
        }
        while (pos - start < payloadBytes) {
            out[pos] = (byte) (pos * 7 + s);
            pos++;
        }
        count(pos - start);
        remember(s, out, pos);
        return pos;
    }

    /**
     * Rebuilds a NACKed packet from the history: as RTX (payload type {@code rtx}, own SSRC and sequence, the
     * original sequence number first in the payload) when RTX was negotiated, else the original again. Returns its
     * length, or -1 when it is no longer in the history.
     */
    int writeRetransmission(byte[] out, RtpHeaderWriter w, int lostSeq, int transportSeq, long nowNanos) {
        int i = lostSeq & (HISTORY - 1);
        if (historySeq[i] != (lostSeq & 0xFFFF)) return -1;
        byte[] orig = history[i];
        int len = historyLen[i];
        retransmissionsSent++;
        if (rtxPayloadType < 0 || rtxSsrc < 0) {
            System.arraycopy(orig, 0, out, 0, len);
            return len;
        }
        int header = RtpPacket.headerLength(orig, 0, len);
        int payload = RtpPacket.payloadLength(orig, 0, len);
        headerExtensions(w, transportSeq, nowNanos, true);
        int pos = w.write(out, 0, rtxPayloadType, RtpPacket.marker(orig, 0, len), rtxSeq,
                RtpPacket.timestamp(orig, 0, len), rtxSsrc);
        rtxSeq = (rtxSeq + 1) & 0xFFFF;
        out[pos++] = (byte) (lostSeq >>> 8);
        out[pos++] = (byte) lostSeq;
        System.arraycopy(orig, header, out, pos, payload);
        return pos + payload;
    }

    private void headerExtensions(RtpHeaderWriter w, int transportSeq, long nowNanos, boolean rtx) {
        w.clearExtensions();
        if (ids.transportCc() > 0 && transportSeq >= 0) w.addTransportCcSeq(ids.transportCc(), transportSeq);
        if (ids.absSendTime() > 0) {
            long t = (nowNanos << 18) / 1_000_000_000L;
            byte[] v = {(byte) (t >>> 16), (byte) (t >>> 8), (byte) t};
            w.addExtension(ids.absSendTime(), v, 0, 3);
        }
        boolean identify = rtx ? rtxIdentifyLeft-- > 0 : identifyLeft-- > 0;
        if (identify && ids.mid() > 0) w.addExtension(ids.mid(), midBytes, 0, midBytes.length);
        if (identify && ridBytes != null) {
            int id = rtx ? ids.repairedRid() : ids.rid();
            if (id > 0) w.addExtension(id, ridBytes, 0, ridBytes.length);
        }
    }

    private int nextSeq() {
        int s = seq;
        seq = (seq + 1) & 0xFFFF;
        return s;
    }

    private void count(int payloadBytes) {
        packetsSent++;
        octetsSent += payloadBytes;
    }

    private void remember(int s, byte[] pkt, int len) {
        int i = s & (HISTORY - 1);
        if (history[i] == null || history[i].length < len) history[i] = new byte[Math.max(len, 1300)];
        System.arraycopy(pkt, 0, history[i], 0, len);
        historyLen[i] = len;
        historySeq[i] = s;
    }

    /** The RTP timestamp that corresponds to {@code nowNanos}, for a sender report (RFC 3550 section 6.4.1). */
    long rtpTimestampAt(long nowNanos) {
        int clock = kind == TrackKind.AUDIO ? 48_000 : VIDEO_CLOCK;
        return (lastTs + (nowNanos - lastTsNanos) * clock / 1_000_000_000L) & 0xFFFFFFFFL;
    }

    long packetsSent() {
        return packetsSent;
    }

    long octetsSent() {
        return octetsSent;
    }

    long keyframesSent() {
        return keyframesSent;
    }

    long retransmissionsSent() {
        return retransmissionsSent;
    }
}
