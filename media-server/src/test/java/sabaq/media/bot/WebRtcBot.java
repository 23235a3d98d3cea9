package sabaq.media.bot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.media.MediaPeer;
import sabaq.common.media.PublishSpec;
import sabaq.common.media.SubscribeSpec;
import sabaq.common.media.TrackKind;
import sabaq.common.test.Poll;
import sabaq.media.dtls.DtlsCertificate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Java stand-in for a browser tab toward the SFU over real UDP on 127.0.0.1: writes a Chrome-shaped Unified Plan
 * offer ({@link OfferWriter}), reads the answer with our SDP parser, runs ICE as the controlling agent against the
 * ICE-lite SFU ({@link IceClient}), the DTLS client handshake ({@link DtlsClientSession}, RFC 5763/5764), then sends
 * synthetic Opus and VP8 (optionally simulcast) over SRTP and records what the SFU forwards and which RTCP it sends.
 *
 * <p>Typical use: {@code bot.negotiate(room.addPeer("a"), Duration.ofSeconds(5)); bot.awaitConnected(...);
 * bot.startMedia();} then poll {@link #received(String)} and {@link #rtcp()}. All public methods are thread safe.
 */
public final class WebRtcBot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebRtcBot.class);
    private static final char[] ICE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    /** Where the bot's connection stands. */
    public enum State { NEW, CHECKING, DTLS, CONNECTED, FAILED, CLOSED }

    private final BotOptions options;
    private final BotSocket socket;
    private final DtlsCertificate certificate;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final ExecutorService ownDtlsExecutor;
    private final Executor dtlsExecutor;
    private final SplittableRandom random;
    private final String iceUfrag;
    private final String icePwd;
    private final String cname;
    private final String streamId;
    private final long sessionId;
    private final BotSender sender;
    private final BotReceiver receiver;
    private final BotTracks tracks;
    private final List<ScheduledFuture<?>> mediaTasks = new ArrayList<>();
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private final AtomicLong taskErrors = new AtomicLong();
    private final AtomicLong otherDatagrams = new AtomicLong();
    private int offerVersion;
    private final BotConnection connection;
    private volatile BotAnswer answer;

    private WebRtcBot(BotOptions options, BotSocket socket) {
        this.options = options;
        this.socket = socket;
        this.random = new SplittableRandom(options.seed());
        this.certificate = options.certificate() != null ? options.certificate() : DtlsCertificate.generate(options.time());
        this.ownsScheduler = options.scheduler() == null;
        this.scheduler = ownsScheduler ? Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "bot-" + options.name()))
                : options.scheduler();
        this.ownDtlsExecutor = options.dtlsExecutor() == null
                ? Executors.newCachedThreadPool(r -> daemon(r, "bot-" + options.name() + "-dtls")) : null;
        this.dtlsExecutor = ownDtlsExecutor != null ? ownDtlsExecutor : options.dtlsExecutor();
        this.iceUfrag = randomIceString(8);
        this.icePwd = randomIceString(24);
        this.cname = randomIceString(16);
        this.streamId = "stream-" + options.name();
        this.sessionId = random.nextLong() & Long.MAX_VALUE;
        this.tracks = new BotTracks(options, random);
        this.sender = new BotSender(options, socket, tracks.nextSsrc(), cname);
        this.receiver = new BotReceiver(sender, options.time(), options.autoNack(), random.nextLong());
        this.connection = new BotConnection(options, certificate, dtlsExecutor, sender, receiver);
        options.tracks().forEach(this::addTrack);
    }

    /** Opens the bot's socket on 127.0.0.1 (an ephemeral port). Nothing is sent before {@link #acceptAnswer}. */
    public static WebRtcBot create(BotOptions options) {
        try {
            return new WebRtcBot(options, new BotSocket(options.name()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return options.name();
    }

    /** Our ICE username fragment (the second half of the STUN USERNAME we send). */
    public String iceUfrag() {
        return iceUfrag;
    }

    public InetSocketAddress localAddress() {
        return socket.localAddress();
    }

    /** Adds an m-line for the next offer (renegotiation). Mids must be unique. */
    public synchronized void addTrack(BotTrack t) {
        tracks.add(t, options.time().nanoTime()).forEach(sender::add);
    }

    /** Our offer for the current tracks; the o= version grows with each call (RFC 3264 section 8). */
    public synchronized String createOffer() {
        String fingerprint = options.offeredFingerprint() != null
                ? options.offeredFingerprint().toSdpValue() : certificate.fingerprint().toSdpValue();
        return OfferWriter.write(new OfferWriter.Params(iceUfrag, icePwd, fingerprint, "127.0.0.1",
                socket.localAddress().getPort(), sessionId, ++offerVersion, cname, streamId, tracks.tracks(),
                tracks.declaredSsrcs()));
    }

    /** What this bot publishes: one spec per send m-line (audio from the microphone, video from the camera). */
    public synchronized List<PublishSpec> publishSpecs() {
        return tracks.publishSpecs();
    }

    /** What this bot subscribes to: one spec per receive m-line. */
    public synchronized List<SubscribeSpec> subscribeSpecs() {
        return tracks.subscribeSpecs();
    }

    /** Offers our tracks to {@code peer}, applies its answer and returns it. Fails with the SFU's exception. */
    public String negotiate(MediaPeer peer, Duration timeout) {
        String offer = createOffer();
        String sdp;
        try {
            sdp = peer.negotiate(offer, publishSpecs(), subscribeSpecs()).toCompletableFuture()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : new CompletionException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while negotiating", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer within " + timeout, e);
        }
        acceptAnswer(sdp);
        return sdp;
    }

    /**
     * Applies the SFU's answer: payload types and extension ids for our streams, the SSRCs to expect on receive
     * m-lines. The first answer also connects the socket and starts ICE checks (then DTLS, then SRTP).
     */
    public synchronized void acceptAnswer(String sdp) {
        BotAnswer a = BotAnswer.parse(sdp);
        for (BotTrack t : tracks.tracks()) {
            BotAnswer.Section s = a.sections().get(t.mid());
            if (t.send()) {
                for (SendStream st : tracks.streams(t.mid())) {
                    if (s != null && s.accepted()) st.configure(s.payloadType(), s.rtxPayloadType(), ExtensionIds.of(s));
                    else st.disable();
                }
            } else if (s != null && s.accepted() && s.ssrc() >= 0) {
                receiver.expect(t.mid(), s.ssrc(), s.rtxSsrc(), t.kind() == TrackKind.VIDEO);
            }
        }
        boolean first = answer == null;
        answer = a;
        if (!first) return;
        connection.begin(a, iceUfrag, random.split());
        try {
            socket.connect(a.candidate(), this::onDatagram);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long tick = options.stunRetryInterval().toMillis();
        tasks.add(scheduler.scheduleAtFixedRate(guard(connection::tick), 0, tick, TimeUnit.MILLISECONDS));
        tasks.add(scheduler.scheduleAtFixedRate(guard(this::rtcpTick), options.rtcpInterval().toMillis(),
                options.rtcpInterval().toMillis(), TimeUnit.MILLISECONDS));
        tasks.add(scheduler.scheduleAtFixedRate(guard(receiver::nackDue), 20, 20, TimeUnit.MILLISECONDS));
    }

    private void rtcpTick() {
        if (connection.state() != State.CONNECTED) return;
        sender.sendReports(receiver.reportBlocks(), options.time().nanoTime(), options.time().epochMillis());
    }

    private void onDatagram(byte[] buf, int len) {
        int first = buf[0] & 0xFF;
        if (first <= 3) {
            connection.onStun(buf, len);
        } else if (first >= 20 && first <= 63) {
            connection.onDtls(buf, len);
        } else if (first >= 128 && first <= 191) {
            receiver.onSrtp(buf, len);
        } else {
            otherDatagrams.incrementAndGet();
        }
    }

    /** Waits until DTLS completed; fails fast if the connection failed. */
    public void awaitConnected(Duration timeout) {
        State s = Poll.until(timeout, Duration.ofMillis(10), connection::state,
                st -> st == State.CONNECTED || st == State.FAILED || st == State.CLOSED, "bot " + name() + " connected");
        if (s != State.CONNECTED) throw new AssertionError("bot " + name() + " is " + s + ": " + connection.failure());
    }

    /** Starts sending audio every 20 ms and video at the configured frame rate. */
    public synchronized void startMedia() {
        if (!mediaTasks.isEmpty()) return;
        mediaTasks.add(scheduler.scheduleAtFixedRate(guard(this::sendAudioFrame), 0, 20, TimeUnit.MILLISECONDS));
        long frameMicros = 1_000_000L / options.videoFps();
        mediaTasks.add(scheduler.scheduleAtFixedRate(guard(this::sendVideoFrame), 0, frameMicros, TimeUnit.MICROSECONDS));
    }

    public synchronized void stopMedia() {
        mediaTasks.forEach(f -> f.cancel(false));
        mediaTasks.clear();
    }

    /** Sends one audio packet on each audio track now (manual pacing). */
    public void sendAudioFrame() {
        sender.sendAudioFrame(options.time().nanoTime());
    }

    /** Sends one frame on each video stream now (manual pacing). */
    public void sendVideoFrame() {
        sender.sendVideoFrame(options.time().nanoTime());
    }

    /**
     * For benchmarks and load tests that inject packets themselves: writes our next video packet, SRTP-protected,
     * into {@code out} (at least 1300 bytes) without sending it. Returns its length, or -1 before DTLS completed.
     */
    public int writeProtectedVideoPacket(byte[] out) {
        return sender.nextProtectedVideoPacket(out, options.time().nanoTime());
    }

    /** RFC 6464 level our audio packets carry (0 loudest .. 127 silence) and the voice activity flag. */
    public void setAudioLevel(int dbov, boolean voice) {
        sender.audioLevel(dbov, voice);
    }

    /** While silent the bot sends nothing at all (media, RTCP, STUN consent, DTLS), as if unplugged. */
    public void setSilent(boolean silent) {
        sender.silent(silent);
    }

    /** Drops this percentage of incoming RTP packets before decryption (simulated loss, triggers NACKs). */
    public void setReceiveDropPercent(int percent) {
        receiver.dropPercent(percent);
    }

    /** Stops or resumes one stream of a send m-line (a simulcast layer, lowest first), as Chrome does under load. */
    public synchronized void setLayerActive(String mid, int layer, boolean active) {
        tracks.streams(mid).get(layer).active(active);
    }

    /** Drops this percentage of our outgoing media packets after protection (simulated uplink loss). */
    public void setSendDropPercent(int percent) {
        sender.dropPercent(percent);
    }

    /** Sends a PLI (RFC 4585 section 6.3.1) about {@code mediaSsrc}, normally an SSRC the SFU sends us. */
    public void sendPli(long mediaSsrc) {
        sender.sendPli(mediaSsrc);
    }

    public void sendFir(long mediaSsrc, int seqNr) {
        sender.sendFir(mediaSsrc, seqNr);
    }

    /** Sends a generic NACK (RFC 4585 section 6.2.1) for these sequence numbers of {@code mediaSsrc}. */
    public void sendNack(long mediaSsrc, int... seqs) {
        sender.sendNack(mediaSsrc, seqs);
    }

    /** Sends arbitrary bytes from the bot's own address to the SFU (attack and fuzz tests). */
    public void sendRaw(byte[] data) {
        if (!socket.isConnected()) throw new IllegalStateException("no answer accepted yet");
        socket.send(data, 0, data.length);
    }

    public State state() {
        return connection.state();
    }

    /** Why the connection failed, or null. */
    public String failure() {
        return connection.failure();
    }

    public BotAnswer answer() {
        return answer;
    }

    /** What arrived on the receive m-line {@code mid}, or null before its answer. */
    public ReceivedStream received(String mid) {
        return receiver.byMid(mid);
    }

    public Map<String, ReceivedStream> receivedStreams() {
        return receiver.streams();
    }

    public RtcpLog rtcp() {
        return receiver.rtcp();
    }

    /** Media SSRCs we send on {@code mid}: one, or one per simulcast layer (lowest first). */
    public synchronized long[] sendSsrcs(String mid) {
        return tracks.streams(mid).stream().mapToLong(s -> s.ssrc).toArray();
    }

    /** Our RTX SSRCs on {@code mid}, in the order of {@link #sendSsrcs}. */
    public synchronized long[] sendRtxSsrcs(String mid) {
        return tracks.streams(mid).stream().mapToLong(s -> s.rtxSsrc).toArray();
    }

    /** Key frames sent on the stream {@code ssrc} (initial, periodic and requested). */
    public long keyframesSent(long ssrc) {
        return sender.streams().stream().filter(s -> s.ssrc == ssrc).mapToLong(SendStream::keyframesSent).sum();
    }

    public BotCounters counters() {
        IceClient c = connection.ice();
        return new BotCounters(sender.rtpSent(), sender.rtcpSent(), sender.protectFailures(), socket.sendErrors(),
                socket.datagramsReceived(), receiver.notReady(), receiver.authFailures(), receiver.unknownSsrc(),
                receiver.simulatedLoss(), sender.simulatedLoss(), receiver.nacksSent(), receiver.retransmissionsAnswered(),
                c == null ? 0 : c.requestsSent(), c == null ? 0 : c.successes(), c == null ? 0 : c.errors(),
                otherDatagrams.get(), taskErrors.get());
    }

    @Override
    public void close() {
        if (!connection.close()) return;
        synchronized (this) {
            mediaTasks.forEach(f -> f.cancel(false));
            tasks.forEach(f -> f.cancel(false));
        }
        socket.close();
        if (ownsScheduler) scheduler.shutdownNow();
        if (ownDtlsExecutor != null) ownDtlsExecutor.shutdownNow();
    }

    private Runnable guard(Runnable r) {
        return () -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                taskErrors.incrementAndGet();
                LOG.error("bot {}: periodic task threw", options.name(), e);
            }
        };
    }

    private String randomIceString(int len) {
        char[] c = new char[len];
        for (int i = 0; i < len; i++) c[i] = ICE_CHARS[random.nextInt(ICE_CHARS.length)];
        return new String(c);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
