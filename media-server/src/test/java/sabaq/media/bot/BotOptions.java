package sabaq.media.bot;

import sabaq.common.time.TimeSource;
import sabaq.media.dtls.DtlsCertificate;
import sabaq.media.dtls.DtlsConfig;
import sabaq.media.dtls.DtlsFingerprint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Settings of a {@link WebRtcBot}. Defaults behave like one Chrome tab: 30 fps video with 1/2/3 packets per frame on
 * the q/h/f layers (three times that on key frames) of 1000-byte payloads, a key frame every 3 s, Opus every 20 ms
 * at -30 dBov with voice activity, mid/rid extensions on the first 10 packets of each SSRC, RTCP every second, a
 * STUN consent check every 2 s, automatic NACKs for gaps.
 *
 * @param scheduler    runs the bot's periodic work; null = the bot owns a single-thread scheduler (share one across
 *                     many bots in load tests)
 * @param dtlsExecutor runs the blocking DTLS handshake; null = the bot owns a cached pool
 * @param certificate  the DTLS certificate the bot presents; null = a fresh one
 * @param offeredFingerprint the fingerprint written in the offer; null = the certificate's (set another to make the
 *                     SFU reject the handshake)
 * @param seed         seeds SSRCs, sequence numbers and the simulated receive loss, so runs repeat
 */
public record BotOptions(String name, List<BotTrack> tracks, TimeSource time, ScheduledExecutorService scheduler,
                         Executor dtlsExecutor, DtlsCertificate certificate, DtlsFingerprint offeredFingerprint,
                         long seed, int videoFps, int keyframeIntervalFrames, List<Integer> packetsPerFrame,
                         int videoPayloadBytes, int audioPayloadBytes, int identifyPackets, boolean autoNack,
                         Duration rtcpInterval, Duration consentInterval, Duration stunRetryInterval,
                         DtlsConfig dtls) {

    public BotOptions {
        Objects.requireNonNull(name, "name");
        tracks = List.copyOf(tracks);
        Objects.requireNonNull(time, "time");
        packetsPerFrame = List.copyOf(packetsPerFrame);
        if (packetsPerFrame.isEmpty()) throw new IllegalArgumentException("packetsPerFrame is empty");
        if (videoPayloadBytes < 32 || videoPayloadBytes > 1200) throw new IllegalArgumentException("videoPayloadBytes");
        if (audioPayloadBytes < 1 || audioPayloadBytes > 1000) throw new IllegalArgumentException("audioPayloadBytes");
        if (videoFps < 1 || videoFps > 120) throw new IllegalArgumentException("videoFps");
        Objects.requireNonNull(rtcpInterval, "rtcpInterval");
        Objects.requireNonNull(consentInterval, "consentInterval");
        Objects.requireNonNull(stunRetryInterval, "stunRetryInterval");
        Objects.requireNonNull(dtls, "dtls");
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Packets per (delta) frame of simulcast layer {@code layer}; the last entry for higher layers. */
    int packetsPerFrame(int layer) {
        return packetsPerFrame.get(Math.min(layer, packetsPerFrame.size() - 1));
    }

    /** Fluent builder; every setter is optional. */
    public static final class Builder {
        private final String name;
        private final List<BotTrack> tracks = new ArrayList<>();
        private TimeSource time = TimeSource.SYSTEM;
        private ScheduledExecutorService scheduler;
        private Executor dtlsExecutor;
        private DtlsCertificate certificate;
        private DtlsFingerprint offeredFingerprint;
        private long seed = System.nanoTime();
        private int videoFps = 30;
        private int keyframeIntervalFrames = 90;
        private List<Integer> packetsPerFrame = List.of(1, 2, 3);
        private int videoPayloadBytes = 1000;
        private int audioPayloadBytes = 80;
        private int identifyPackets = 10;
        private boolean autoNack = true;
        private Duration rtcpInterval = Duration.ofSeconds(1);
        private Duration consentInterval = Duration.ofSeconds(2);
        private Duration stunRetryInterval = Duration.ofMillis(50);
        private DtlsConfig dtls = DtlsConfig.defaults().withPostHandshakeLinger(Duration.ofSeconds(3));

        private Builder(String name) {
            this.name = name;
        }

        public Builder track(BotTrack t) {
            tracks.add(t);
            return this;
        }

        public Builder time(TimeSource t) {
            time = t;
            return this;
        }

        public Builder scheduler(ScheduledExecutorService s) {
            scheduler = s;
            return this;
        }

        public Builder dtlsExecutor(Executor e) {
            dtlsExecutor = e;
            return this;
        }

        public Builder certificate(DtlsCertificate c) {
            certificate = c;
            return this;
        }

        public Builder offeredFingerprint(DtlsFingerprint f) {
            offeredFingerprint = f;
            return this;
        }

        public Builder seed(long s) {
            seed = s;
            return this;
        }

        public Builder videoFps(int fps) {
            videoFps = fps;
            return this;
        }

        /** A key frame every n frames (0: only the first and when asked by PLI/FIR). */
        public Builder keyframeIntervalFrames(int n) {
            keyframeIntervalFrames = n;
            return this;
        }

        /** Packets per delta frame for the layers q, h, f (or the single stream: the last value). */
        public Builder packetsPerFrame(Integer... perLayer) {
            packetsPerFrame = List.of(perLayer);
            return this;
        }

        public Builder videoPayloadBytes(int n) {
            videoPayloadBytes = n;
            return this;
        }

        public Builder audioPayloadBytes(int n) {
            audioPayloadBytes = n;
            return this;
        }

        public Builder identifyPackets(int n) {
            identifyPackets = n;
            return this;
        }

        public Builder autoNack(boolean on) {
            autoNack = on;
            return this;
        }

        public Builder rtcpInterval(Duration d) {
            rtcpInterval = d;
            return this;
        }

        public Builder consentInterval(Duration d) {
            consentInterval = d;
            return this;
        }

        public Builder stunRetryInterval(Duration d) {
            stunRetryInterval = d;
            return this;
        }

        public Builder dtls(DtlsConfig c) {
            dtls = c;
            return this;
        }

        public BotOptions build() {
            return new BotOptions(name, tracks, time, scheduler, dtlsExecutor, certificate, offeredFingerprint, seed,
                    videoFps, keyframeIntervalFrames, packetsPerFrame, videoPayloadBytes, audioPayloadBytes,
                    identifyPackets, autoNack, rtcpInterval, consentInterval, stunRetryInterval, dtls);
        }
    }
}
