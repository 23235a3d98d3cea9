package sabaq.media.bot;

import sabaq.common.media.TrackKind;
import sabaq.media.rtcp.ReportBlock;
import sabaq.media.rtcp.RtcpWriter;
import sabaq.media.rtp.RtpHeaderWriter;
import sabaq.media.srtp.SrtpTransformer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything a bot sends once DTLS gave it keys: synthetic Opus and VP8 packets on its {@link SendStream}s, RTX
 * retransmissions for NACKs, sender/receiver reports with SDES (RFC 3550 section 6.4), PLI and NACK (RFC 4585), all
 * SRTP-protected (RFC 3711) with the client keys. One lock serializes the scheduler, the receive thread (which
 * answers NACKs) and test threads; the SRTP transformer and buffers are used only under it.
 */
final class BotSender {
    private static final long NTP_UNIX_OFFSET_SECONDS = 2_208_988_800L;
    private static final int MAX_REPORT_BLOCKS = 31;

    private final BotOptions options;
    private final BotSocket socket;
    private final long rtcpSsrc;
    private final String cname;
    private final Object lock = new Object();
    private final byte[] buf = new byte[BotSocket.MAX_DATAGRAM + 64];
    private final RtpHeaderWriter header = new RtpHeaderWriter();
    private final List<SendStream> streams = new CopyOnWriteArrayList<>();
    private final Map<Long, SendStream> bySsrc = new ConcurrentHashMap<>();
    private final AtomicLong rtpSent = new AtomicLong();
    private final AtomicLong rtcpSent = new AtomicLong();
    private final AtomicLong protectFailures = new AtomicLong();
    private SrtpTransformer srtp;
    private int transportSeq;
    private int frameCursor;
    private int frameCount;
    private boolean frameKey;
    private final java.util.SplittableRandom lossRandom;
    private final AtomicLong simulatedLoss = new AtomicLong();
    private volatile int dropPercent;
    private volatile boolean silent;
    private volatile int audioLevel = 30;
    private volatile boolean voice = true;

    BotSender(BotOptions options, BotSocket socket, long rtcpSsrc, String cname) {
        this.options = options;
        this.socket = socket;
        this.rtcpSsrc = rtcpSsrc;
        this.cname = cname;
        this.lossRandom = new java.util.SplittableRandom(options.seed() ^ 0x5DEECE66DL);
    }

    void add(SendStream s) {
        streams.add(s);
        bySsrc.put(s.ssrc, s);
        if (s.rtxSsrc >= 0) bySsrc.put(s.rtxSsrc, s);
    }

    List<SendStream> streams() {
        return streams;
    }

    void keys(SrtpTransformer t) {
        synchronized (lock) {
            srtp = t;
        }
    }

    boolean ready() {
        synchronized (lock) {
            return srtp != null;
        }
    }

    /** While silent nothing at all leaves the bot (no media, RTCP or STUN), as if its network went away. */
    void silent(boolean on) {
        silent = on;
    }

    boolean isSilent() {
        return silent;
    }

    /** Drops this percentage of our outgoing media packets (not retransmissions): simulated uplink loss. */
    void dropPercent(int percent) {
        if (percent < 0 || percent > 100) throw new IllegalArgumentException("percent " + percent);
        dropPercent = percent;
    }

    void audioLevel(int dbov, boolean voiceActivity) {
        audioLevel = dbov;
        voice = voiceActivity;
    }

    /** Raw bytes from the bot's address (STUN, DTLS, attack traffic); dropped while silent. */
    void transmit(byte[] data, int off, int len) {
        if (!silent) socket.send(data, off, len);
    }

    /** One 20 ms Opus packet on every audio stream. */
    void sendAudioFrame(long nowNanos) {
        synchronized (lock) {
            if (srtp == null) return;
            for (SendStream s : streams) {
                if (s.kind != TrackKind.AUDIO || !s.configured()) continue;
                int len = s.writeAudio(buf, header, nextTransportSeq(s), nowNanos, audioLevel, voice,
                        options.audioPayloadBytes());
                protectRtpAndSend(len, true);
            }
        }
    }

    /** One frame on every video stream (every simulcast layer): a key frame when due or requested. */
    void sendVideoFrame(long nowNanos) {
        synchronized (lock) {
            if (srtp == null) return;
            for (SendStream s : streams) {
                if (s.kind != TrackKind.VIDEO || !s.configured() || !s.active()) continue;
                boolean key = s.nextFrameIsKey(options.keyframeIntervalFrames());
                int count = s.packetsPerFrame * (key ? 3 : 1);
                s.startVideoFrame(nowNanos);
                for (int i = 0; i < count; i++) {
                    int len = s.writeVp8(buf, header, nextTransportSeq(s), nowNanos, i, count, key,
                            options.videoPayloadBytes());
                    protectRtpAndSend(len, true);
                }
            }
        }
    }

    /**
     * For benchmarks: writes the next packet of the first video stream (frames and key frames as {@link
     * #sendVideoFrame} makes them), SRTP-protected, into {@code out} without sending it. {@code out} needs room for
     * the tag. Returns the length, or -1 before DTLS or without a video stream.
     */
    int nextProtectedVideoPacket(byte[] out, long nowNanos) {
        synchronized (lock) {
            if (srtp == null) return -1;
            for (SendStream s : streams) {
                if (s.kind != TrackKind.VIDEO || !s.configured()) continue;
                if (frameCursor == 0) {
                    frameKey = s.nextFrameIsKey(options.keyframeIntervalFrames());
                    frameCount = s.packetsPerFrame * (frameKey ? 3 : 1);
                    s.startVideoFrame(nowNanos);
                }
                int len = s.writeVp8(out, header, nextTransportSeq(s), nowNanos, frameCursor, frameCount, frameKey,
                        options.videoPayloadBytes());
                frameCursor = (frameCursor + 1) % frameCount;
                return srtp.protectRtp(out, 0, len);
            }
            return -1;
        }
    }

    /** Answers a NACK for one of our SSRCs (RTX when negotiated). Returns how many packets were resent. */
    int retransmit(long mediaSsrc, int[] seqs, long nowNanos) {
        SendStream s = bySsrc.get(mediaSsrc);
        if (s == null || s.ssrc != mediaSsrc) return 0;
        int n = 0;
        synchronized (lock) {
            if (srtp == null) return 0;
            for (int seq : seqs) {
                int len = s.writeRetransmission(buf, header, seq, nextTransportSeq(s), nowNanos);
                if (len > 0) {
                    protectRtpAndSend(len, false);
                    n++;
                }
            }
        }
        return n;
    }

    /** A PLI or FIR named one of our SSRCs: the next frame of that stream is a key frame. */
    void onKeyframeRequest(long mediaSsrc) {
        SendStream s = bySsrc.get(mediaSsrc);
        if (s != null) s.requestKeyframe();
    }

    /** Sender reports for our streams, a receiver report with {@code blocks}, and SDES CNAME, as one compound. */
    void sendReports(List<ReportBlock> blocks, long nowNanos, long epochMillis) {
        synchronized (lock) {
            if (srtp == null) return;
            long seconds = epochMillis / 1000 + NTP_UNIX_OFFSET_SECONDS;
            long fraction = ((epochMillis % 1000) << 32) / 1000;
            int pos = 0;
            for (SendStream s : streams) {
                if (s.packetsSent() == 0) continue;
                int n = RtcpWriter.senderReport(buf, pos, s.ssrc, seconds, fraction, s.rtpTimestampAt(nowNanos),
                        s.packetsSent(), s.octetsSent(), List.of());
                if (n > 0) pos += n;
            }
            if (!blocks.isEmpty()) {
                List<ReportBlock> some = blocks.size() > MAX_REPORT_BLOCKS ? blocks.subList(0, MAX_REPORT_BLOCKS) : blocks;
                int n = RtcpWriter.receiverReport(buf, pos, rtcpSsrc, new ArrayList<>(some));
                if (n > 0) pos += n;
            }
            if (pos == 0) return;
            int n = RtcpWriter.sdesCname(buf, pos, firstSsrc(buf), cname);
            if (n > 0) pos += n;
            protectRtcpAndSend(pos);
        }
    }

    void sendPli(long mediaSsrc) {
        synchronized (lock) {
            if (srtp == null) return;
            protectRtcpAndSend(RtcpWriter.pli(buf, 0, rtcpSsrc, mediaSsrc));
        }
    }

    void sendFir(long mediaSsrc, int seqNr) {
        synchronized (lock) {
            if (srtp == null) return;
            protectRtcpAndSend(RtcpWriter.fir(buf, 0, rtcpSsrc, mediaSsrc, seqNr));
        }
    }

    void sendNack(long mediaSsrc, int[] seqs) {
        if (seqs.length == 0) return;
        synchronized (lock) {
            if (srtp == null) return;
            protectRtcpAndSend(RtcpWriter.nack(buf, 0, rtcpSsrc, mediaSsrc, seqs));
        }
    }

    private static long firstSsrc(byte[] compound) {
        return ((compound[4] & 0xFFL) << 24) | ((compound[5] & 0xFFL) << 16) | ((compound[6] & 0xFFL) << 8)
                | (compound[7] & 0xFFL);
    }

    private int nextTransportSeq(SendStream s) {
        if (!s.usesTransportCc()) return -1;
        transportSeq = (transportSeq + 1) & 0xFFFF;
        return transportSeq;
    }

    private void protectRtpAndSend(int len, boolean mayDrop) {
        int n = srtp.protectRtp(buf, 0, len);
        if (n < 0) {
            protectFailures.incrementAndGet();
            return;
        }
        int percent = dropPercent;
        if (mayDrop && percent > 0 && lossRandom.nextInt(100) < percent) {
            simulatedLoss.incrementAndGet();
            return;
        }
        rtpSent.incrementAndGet();
        transmit(buf, 0, n);
    }

    private void protectRtcpAndSend(int len) {
        if (len <= 0) return;
        int n = srtp.protectRtcp(buf, 0, len);
        if (n < 0) {
            protectFailures.incrementAndGet();
            return;
        }
        rtcpSent.incrementAndGet();
        transmit(buf, 0, n);
    }

    long rtpSent() {
        return rtpSent.get();
    }

    long rtcpSent() {
        return rtcpSent.get();
    }

    long simulatedLoss() {
        return simulatedLoss.get();
    }

    long protectFailures() {
        return protectFailures.get();
    }
}
