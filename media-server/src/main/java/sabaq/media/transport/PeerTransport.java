package sabaq.media.transport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.media.MediaConnectionState;
import sabaq.media.dtls.DtlsConfig;
import sabaq.media.dtls.DtlsFailure;
import sabaq.media.dtls.DtlsFingerprint;
import sabaq.media.dtls.DtlsServerSession;
import sabaq.media.dtls.DtlsSessionListener;
import sabaq.media.dtls.SrtpProfile;
import sabaq.media.dtls.SrtpKeyMaterial;
import sabaq.media.ice.IceCredentials;
import sabaq.media.ice.IceLiteResponder;
import sabaq.media.rtp.RtpPacket;
import sabaq.media.server.MediaServerConfig;
import sabaq.media.srtp.SrtpTransformer;
import sabaq.media.transport.MediaCounters.Counter;

import java.net.InetSocketAddress;

/**
 * One browser's transport on the shared socket: ICE-lite state, the DTLS server session and the SRTP keys it
 * yields. Decrypted RTP/RTCP goes to the {@link Listener}; {@link #sendRtp}/{@link #sendRtcp} protect in place and
 * send. Event loop only, except the DTLS callbacks, which hop onto the event loop.
 */
public final class PeerTransport implements IceLiteResponder.Session {
    private static final Logger LOG = LoggerFactory.getLogger(PeerTransport.class);

    /** Receives decrypted packets and state changes on the event loop. Buffers are valid only during the call. */
    public interface Listener {
        void onRtp(byte[] buf, int off, int len, long nowNanos);

        void onRtcp(byte[] buf, int off, int len, long nowNanos);

        void onStateChanged(MediaConnectionState state);
    }

    private final String id;
    private IceCredentials local;
    private final MediaServerContext ctx;
    private final Listener listener;
    private DatagramOut out;
    private boolean outputRedirected;

    private String remoteUfrag;
    private DtlsFingerprint remoteFingerprint;
    private InetSocketAddress remoteAddress;
    private DtlsServerSession dtls;
    private SrtpTransformer srtp;
    private MediaConnectionState state = MediaConnectionState.NEW;
    private long lastReceivedNanos;
    private boolean closed;

    public PeerTransport(String id, IceCredentials local, MediaServerContext ctx, Listener listener) {
        this.id = id;
        this.local = local;
        this.ctx = ctx;
        this.listener = listener;
        this.out = ctx.router().udpOut();
        this.lastReceivedNanos = ctx.time().nanoTime();
    }

    /** Benchmark seam: protected RTP/RTCP goes to {@code sink} instead of the socket. Event loop only. */
    void redirectOutput(DatagramOut sink) {
        this.out = sink;
        this.outputRedirected = true;
    }

    /** Starts answering STUN for our ufrag. Event loop only. */
    public void start() {
        ctx.ice().register(this);
    }

    public String id() {
        return id;
    }

    @Override
    public IceCredentials localCredentials() {
        return local;
    }

    @Override
    public String remoteUfrag() {
        return remoteUfrag;
    }

    public MediaConnectionState state() {
        return state;
    }

    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    /**
     * ICE restart (RFC 8445 §9): the browser offered new credentials, so we answer with {@code fresh} ones and answer
     * STUN only for them from now on. DTLS, SRTP and the current address stay: media goes on while the new checks
     * run, and a nominating check from a new address moves the session there.
     */
    public void restartIce(IceCredentials fresh) {
        if (closed) return;
        ctx.ice().unregister(this);
        local = fresh;
        ctx.ice().register(this);
        LOG.info("peer {}: ICE restart", id);
    }

    /** Applies the browser's ICE ufrag and DTLS fingerprint from an offer. The fingerprint may not change later. */
    public void setRemoteParameters(String ufrag, DtlsFingerprint fingerprint) {
        if (remoteFingerprint != null && !remoteFingerprint.equals(fingerprint)) {
            throw new IllegalArgumentException("the DTLS fingerprint changed; start a new session");
        }
        this.remoteUfrag = ufrag;
        this.remoteFingerprint = fingerprint;
    }

    @Override
    public void onValidBindingRequest(InetSocketAddress from, boolean useCandidate, DatagramOut path) {
        if (closed) return;
        lastReceivedNanos = ctx.time().nanoTime();
        if (remoteAddress == null || (useCandidate && !from.equals(remoteAddress))) {
            if (remoteAddress != null) {
                ctx.router().unbind(remoteAddress, this);
                LOG.info("peer {} moved from {} to {}", id, remoteAddress, from);
            }
            remoteAddress = from;
            if (!outputRedirected) out = path;
            ctx.router().bind(from, this);
        }
        if (state == MediaConnectionState.DISCONNECTED) {
            setState(srtp != null ? MediaConnectionState.CONNECTED : MediaConnectionState.CONNECTING);
        }
        if (dtls == null && remoteFingerprint != null) {
            startDtls();
        }
    }

    private void startDtls() {
        setState(MediaConnectionState.CONNECTING);
        MediaServerConfig cfg = ctx.config();
        DtlsConfig dtlsConfig = DtlsConfig.defaults()
                .withHandshakeTimeout(cfg.dtlsHandshakeTimeout())
                .withProfiles(cfg.srtpProfiles().stream().map(SrtpProfile::valueOf).toList())
                .withInboundQueueCapacity(cfg.dtlsQueueCapacity());
        dtls = new DtlsServerSession(ctx.certificate(), remoteFingerprint, this::sendDtlsFromHandshakeThread,
                ctx.dtlsExecutor(), dtlsConfig, new DtlsSessionListener() {
            @Override
            public void onHandshakeComplete(SrtpKeyMaterial keys) {
                ctx.udp().eventLoop().execute(() -> onKeys(keys));
            }

            @Override
            public void onFailure(DtlsFailure reason, String detail) {
                ctx.udp().eventLoop().execute(() -> onDtlsFailure(reason, detail));
            }
        });
        dtls.start();
    }

    private void sendDtlsFromHandshakeThread(byte[] data, int off, int len) {
        byte[] copy = java.util.Arrays.copyOfRange(data, off, off + len);
        ctx.udp().eventLoop().execute(() -> {
            if (!closed && remoteAddress != null) out.send(copy, 0, copy.length, remoteAddress);
        });
    }

    private void onKeys(SrtpKeyMaterial keys) {
        if (closed) return;
        srtp = SrtpTransformer.forServer(keys);
        LOG.info("peer {} connected: DTLS done, SRTP {}", id, keys.profile());
        setState(MediaConnectionState.CONNECTED);
    }

    private void onDtlsFailure(DtlsFailure reason, String detail) {
        if (closed) return;
        ctx.counters().increment(Counter.DTLS_FAILURES);
        LOG.warn("peer {}: DTLS failed: {} {}", id, reason, detail);
        setState(MediaConnectionState.FAILED);
    }

    /** A DTLS record from the browser's address. */
    public void onDtls(byte[] buf, int off, int len) {
        lastReceivedNanos = ctx.time().nanoTime();
        DtlsServerSession d = dtls;
        if (d != null) d.onPacket(buf, off, len);
    }

    /** An SRTP or SRTCP packet from the browser's address; decrypted in place. */
    public void onSrtp(byte[] buf, int off, int len, long nowNanos) {
        lastReceivedNanos = nowNanos;
        if (srtp == null) {
            ctx.counters().increment(Counter.DROP_SRTP_NOT_READY);
            return;
        }
        if (RtpPacket.isRtcp(buf, off, len)) {
            int n = srtp.unprotectRtcp(buf, off, len);
            if (n < 0) {
                ctx.counters().increment(Counter.DROP_SRTP_AUTH);
                return;
            }
            ctx.counters().increment(Counter.RTCP_RECEIVED);
            listener.onRtcp(buf, off, n, nowNanos);
        } else {
            if (!RtpPacket.isRtp(buf, off, len)) {
                ctx.counters().increment(Counter.DROP_RTP_MALFORMED);
                return;
            }
            int n = srtp.unprotectRtp(buf, off, len);
            if (n < 0) {
                ctx.counters().increment(Counter.DROP_SRTP_AUTH);
                return;
            }
            ctx.counters().increment(Counter.RTP_RECEIVED);
            listener.onRtp(buf, off, n, nowNanos);
        }
    }

    public boolean canSend() {
        return srtp != null && remoteAddress != null && !closed;
    }

    /** Protects and sends an RTP packet; {@code buf} needs {@link PacketRouter#SPARE} bytes of room after the data. */
    public void sendRtp(byte[] buf, int off, int len) {
        if (!canSend()) return;
        int n = srtp.protectRtp(buf, off, len);
        if (n > 0) out.send(buf, off, n, remoteAddress);
    }

    /** Protects and sends an RTCP (compound) packet; same room rule as {@link #sendRtp}. */
    public void sendRtcp(byte[] buf, int off, int len) {
        if (!canSend()) return;
        int n = srtp.protectRtcp(buf, off, len);
        if (n > 0) out.send(buf, off, n, remoteAddress);
    }

    /** Reports silence: DISCONNECTED after the disconnect timeout; returns true once the close timeout passed. */
    public boolean checkTimeouts(long nowNanos) {
        long silent = nowNanos - lastReceivedNanos;
        if (silent > ctx.config().disconnectTimeout().toNanos()
                && (state == MediaConnectionState.CONNECTED || state == MediaConnectionState.CONNECTING)) {
            setState(MediaConnectionState.DISCONNECTED);
        }
        return silent > ctx.config().closeTimeout().toNanos();
    }

    private void setState(MediaConnectionState s) {
        if (s == state) return;
        state = s;
        listener.onStateChanged(s);
    }

    /** Releases the address, the ufrag and the DTLS thread. Idempotent. */
    public void close() {
        if (closed) return;
        closed = true;
        ctx.ice().unregister(this);
        if (remoteAddress != null) ctx.router().unbind(remoteAddress, this);
        if (dtls != null) dtls.close();
        setState(MediaConnectionState.CLOSED);
    }
}
