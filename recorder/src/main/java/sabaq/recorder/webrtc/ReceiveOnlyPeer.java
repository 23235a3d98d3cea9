package sabaq.recorder.webrtc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.media.TrackKind;
import sabaq.common.time.TimeSource;
import sabaq.media.dtls.DtlsCertificate;
import sabaq.media.dtls.DtlsClientSession;
import sabaq.media.dtls.DtlsConfig;
import sabaq.media.dtls.DtlsFailure;
import sabaq.media.dtls.DtlsSessionListener;
import sabaq.media.dtls.SrtpKeyMaterial;
import sabaq.media.rtcp.ReportBlock;
import sabaq.media.rtcp.RtcpPacket;
import sabaq.media.rtcp.RtcpParser;
import sabaq.media.rtcp.RtcpWriter;
import sabaq.media.rtcp.SenderReport;
import sabaq.media.rtp.RtpPacket;
import sabaq.media.srtp.SrtpTransformer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A receive-only WebRTC peer toward the SFU, as a browser tab that only watches: it offers {@code recvonly} m-lines
 * ({@link RecvOnlyOffer}), runs ICE as the controlling agent against the ICE-lite SFU ({@link IceChecks}), the DTLS
 * client handshake with the media server's {@link DtlsClientSession} checked against the answer's fingerprint
 * (RFC 5763/5764), then decrypts SRTP/SRTCP (RFC 3711) with {@link SrtpTransformer} and hands each track's packets
 * to its {@link InboundSink}. It sends what a receiver owes its sender: receiver reports every second (RFC 3550),
 * generic NACKs for missing packets (RFC 4585 section 6.2.1), PLIs on request (section 6.3.1), and consent checks
 * (RFC 7675). No media is sent and the SFU needs no special path for it.
 *
 * <p>Threads: one UDP reader (decrypts and delivers), the shared scheduler (ICE, RTCP, NACK, liveness) and the DTLS
 * executor (the blocking handshake). {@link #state()} is readable from any thread; the state listener is told of
 * CONNECTED, FAILED and CLOSED.
 */
public final class ReceiveOnlyPeer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiveOnlyPeer.class);
    private static final char[] ICE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
    private static final long PLI_MIN_GAP_NANOS = 300_000_000L;

    /** Where the connection stands. */
    public enum State { NEW, CHECKING, DTLS, CONNECTED, FAILED, CLOSED }

    private final String name;
    private final UdpLink link;
    private final DtlsCertificate certificate;
    private final ScheduledExecutorService scheduler;
    private final Executor dtlsExecutor;
    private final TimeSource time;
    private final Duration silenceTimeout;
    private final Consumer<State> stateListener;
    private final String iceUfrag;
    private final String icePwd;
    private final long sessionId;
    private final long ourSsrc;
    private final Map<Long, InboundStream> bySsrc = new ConcurrentHashMap<>();
    private final Map<Long, InboundStream> byRtxSsrc = new ConcurrentHashMap<>();
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private final Object sendLock = new Object();
    private final byte[] sendBuf = new byte[1500];
    private volatile State state = State.NEW;
    private volatile String failure;
    private volatile IceChecks ice;
    private volatile DtlsClientSession dtls;
    private volatile SrtpTransformer receiveSrtp;
    private SrtpTransformer sendSrtp;
    private AnswerSummary remote;
    private long version;
    private volatile long lastHeardNanos;
    private long lastConsentNanos;

    public ReceiveOnlyPeer(String name, String bindHost, DtlsCertificate certificate, ScheduledExecutorService scheduler,
                           Executor dtlsExecutor, TimeSource time, Duration silenceTimeout, Consumer<State> stateListener) {
        this.name = name;
        this.certificate = certificate;
        this.scheduler = scheduler;
        this.dtlsExecutor = dtlsExecutor;
        this.time = time;
        this.silenceTimeout = silenceTimeout;
        this.stateListener = stateListener;
        SecureRandom r = new SecureRandom();
        this.iceUfrag = randomString(r, 8);
        this.icePwd = randomString(r, 24);
        this.sessionId = r.nextLong() & Long.MAX_VALUE;
        this.ourSsrc = 1 + (r.nextLong() & 0xFFFFFFFEL);
        try {
            this.link = new UdpLink(name, bindHost);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Our offer for these slots; the session version grows with each call (RFC 3264 section 8). */
    public synchronized String createOffer(List<ReceiveSlot> slots) {
        return RecvOnlyOffer.write(new RecvOnlyOffer.Transport(iceUfrag, icePwd,
                certificate.fingerprint().toSdpValue(), link.localAddress().getHostString(),
                link.localAddress().getPort(), sessionId), ++version, slots);
    }

    /**
     * Applies the SFU's answer: each sending m-line's SSRCs are routed to the sink of its mid. The first answer
     * connects the socket and starts ICE, then DTLS.
     *
     * @param sinks   by mid, for the slots that carry a track
     * @param kinds   by mid, the kind of each slot
     */
    public synchronized void acceptAnswer(String sdp, Map<String, InboundSink> sinks, Map<String, TrackKind> kinds) {
        AnswerSummary a = AnswerSummary.parse(sdp);
        if (remote == null && !a.hasTransport()) {
            throw new IllegalArgumentException("the first answer lacks ICE credentials, fingerprint or a UDP candidate");
        }
        for (AnswerSummary.Section s : a.sections().values()) {
            InboundSink sink = sinks.get(s.mid());
            InboundStream old = findByMid(s.mid());
            boolean keep = old != null && s.sending() && old.ssrc == s.ssrc() && old.sink == sink;
            if (old != null && !keep) {
                bySsrc.remove(old.ssrc);
                if (old.rtxSsrc >= 0) byRtxSsrc.remove(old.rtxSsrc);
            }
            if (keep || !s.sending() || sink == null || s.ssrc() < 0) continue;
            int clock = kinds.get(s.mid()) == TrackKind.AUDIO ? 48_000 : 90_000;
            InboundStream st = new InboundStream(s.mid(), s.ssrc(), s.rtxSsrc(), s.payloadType(), s.rtxPayloadType(),
                    clock, sink);
            bySsrc.put(st.ssrc, st);
            if (st.rtxSsrc >= 0) byRtxSsrc.put(st.rtxSsrc, st);
        }
        if (remote != null) return;
        remote = a;
        ice = new IceChecks(a.iceUfrag(), a.icePwd(), iceUfrag);
        lastHeardNanos = time.nanoTime();
        setState(State.CHECKING);
        try {
            link.connect(a.candidate(), this::onDatagram);
        } catch (IOException e) {
            fail("cannot connect the UDP socket: " + e.getMessage());
            return;
        }
        tasks.add(scheduler.scheduleAtFixedRate(guard(this::iceTick), 0, 50, TimeUnit.MILLISECONDS));
        tasks.add(scheduler.scheduleAtFixedRate(guard(this::mediaTick), 20, 20, TimeUnit.MILLISECONDS));
        tasks.add(scheduler.scheduleAtFixedRate(guard(this::reportTick), 1000, 1000, TimeUnit.MILLISECONDS));
    }

    private InboundStream findByMid(String mid) {
        for (InboundStream s : bySsrc.values()) if (s.mid.equals(mid)) return s;
        return null;
    }

    /** Asks the sender of the track on {@code mid} for a key frame (PLI), at most every 300 ms. */
    public void requestKeyframe(String mid) {
        InboundStream s = findByMid(mid);
        if (s == null || state != State.CONNECTED || !s.pliAllowed(time.nanoTime(), PLI_MIN_GAP_NANOS)) return;
        synchronized (sendLock) {
            int n = RtcpWriter.pli(sendBuf, 0, ourSsrc, s.ssrc);
            sendRtcp(n);
        }
    }

    private void iceTick() {
        IceChecks c = ice;
        State s = state;
        if (c == null || s == State.CLOSED || s == State.FAILED) return;
        long now = time.nanoTime();
        if (s == State.CHECKING || now - lastConsentNanos >= 2_000_000_000L) {
            lastConsentNanos = now;
            byte[] req = c.nextRequest();
            link.send(req, 0, req.length);
        }
        if (now - lastHeardNanos > silenceTimeout.toNanos()) {
            fail("nothing heard from the SFU for " + silenceTimeout.toMillis() + " ms");
        }
    }

    private void mediaTick() {
        if (state != State.CONNECTED) return;
        long now = time.nanoTime();
        for (InboundStream s : bySsrc.values()) {
            s.sink.tick(now);
            int[] due = s.dueNacks(now);
            if (due.length == 0) continue;
            synchronized (sendLock) {
                int n = RtcpWriter.nack(sendBuf, 0, ourSsrc, s.ssrc, due);
                sendRtcp(n);
            }
        }
    }

    private void reportTick() {
        if (state != State.CONNECTED) return;
        long now = time.nanoTime();
        List<ReportBlock> blocks = new ArrayList<>();
        for (InboundStream s : bySsrc.values()) if (s.hasPackets() && blocks.size() < 31) blocks.add(s.reportBlock(now));
        synchronized (sendLock) {
            int n = RtcpWriter.receiverReport(sendBuf, 0, ourSsrc, blocks);
            if (n > 0) {
                int m = RtcpWriter.sdesCname(sendBuf, n, ourSsrc, "sabaq-recorder");
                sendRtcp(m > 0 ? n + m : n);
            }
        }
    }

    /** Protects and sends the RTCP in {@code sendBuf[0..len)}; caller holds {@code sendLock}. */
    private void sendRtcp(int len) {
        SrtpTransformer t = sendSrtp;
        if (t == null || len <= 0 || len + SrtpTransformer.MAX_RTCP_OVERHEAD > sendBuf.length) return;
        int n = t.protectRtcp(sendBuf, 0, len);
        if (n > 0) link.send(sendBuf, 0, n);
    }

    private void onDatagram(byte[] buf, int len) {
        lastHeardNanos = time.nanoTime();
        int first = buf[0] & 0xFF;
        if (first <= 3) {
            IceChecks c = ice;
            if (c != null && c.isSuccess(buf, len)) onIceSuccess();
        } else if (first >= 20 && first <= 63) {
            DtlsClientSession d = dtls;
            if (d != null) d.onPacket(buf, 0, len);
        } else if (first >= 128 && first <= 191) {
            onSrtp(buf, len);
        }
    }

    private void onSrtp(byte[] buf, int len) {
        SrtpTransformer t = receiveSrtp;
        if (t == null) return;
        if (RtpPacket.isRtcp(buf, 0, len)) {
            int n = t.unprotectRtcp(buf, 0, len);
            if (n > 0) onRtcp(buf, n);
            return;
        }
        int n = t.unprotectRtp(buf, 0, len);
        if (n <= 0) return;
        long ssrc = RtpPacket.ssrc(buf, 0, n);
        long now = time.nanoTime();
        InboundStream s = bySsrc.get(ssrc);
        if (s != null) {
            s.onRtp(buf, n, false, now);
            return;
        }
        InboundStream r = byRtxSsrc.get(ssrc);
        if (r != null) r.onRtp(buf, n, true, now);
    }

    private void onRtcp(byte[] buf, int len) {
        long now = time.nanoTime();
        for (RtcpPacket p : RtcpParser.parseCompound(buf, 0, len)) {
            if (p instanceof SenderReport) {
                SenderReport sr = (SenderReport) p;
                InboundStream s = bySsrc.get(sr.senderSsrc());
                if (s != null) s.onSenderReport(sr.ntpMiddle32(), now);
            }
        }
    }

    private synchronized void onIceSuccess() {
        if (state != State.CHECKING) return;
        setState(State.DTLS);
        DtlsClientSession d = new DtlsClientSession(certificate, remote.fingerprint(), link::send, dtlsExecutor,
                DtlsConfig.defaults(), new DtlsSessionListener() {
            @Override
            public void onHandshakeComplete(SrtpKeyMaterial keys) {
                synchronized (sendLock) {
                    sendSrtp = SrtpTransformer.forClient(keys);
                }
                receiveSrtp = SrtpTransformer.forClient(keys);
                connected();
            }

            @Override
            public void onFailure(DtlsFailure reason, String detail) {
                fail("DTLS " + reason + ": " + detail);
            }

            @Override
            public void onDisconnected(DtlsFailure reason, String detail) {
                fail("DTLS ended by the SFU: " + reason + " " + detail);
            }
        });
        dtls = d;
        d.start();
    }

    private synchronized void connected() {
        if (state == State.DTLS) setState(State.CONNECTED);
    }

    private synchronized void fail(String why) {
        if (state == State.CLOSED || state == State.FAILED) return;
        failure = why;
        LOG.info("recorder peer {} failed: {}", name, why);
        setState(State.FAILED);
    }

    private void setState(State s) {
        state = s;
        if (s == State.CONNECTED || s == State.FAILED || s == State.CLOSED) {
            scheduler.execute(() -> stateListener.accept(s));
        }
    }

    public State state() {
        return state;
    }

    public String failure() {
        return failure;
    }

    /** Packets received on the track of {@code mid} (media and retransmissions), or 0. */
    public long packetsReceived(String mid) {
        InboundStream s = findByMid(mid);
        return s == null ? 0 : s.packets();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (state == State.CLOSED) return;
            state = State.CLOSED;
            tasks.forEach(f -> f.cancel(false));
        }
        DtlsClientSession d = dtls;
        if (d != null) d.close();
        link.close();
    }

    private Runnable guard(Runnable r) {
        return () -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.error("recorder peer {}: periodic task threw", name, e);
            }
        };
    }

    private static String randomString(SecureRandom r, int len) {
        char[] c = new char[len];
        for (int i = 0; i < len; i++) c[i] = ICE_CHARS[r.nextInt(ICE_CHARS.length)];
        return new String(c);
    }
}
