package sabaq.media.bot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.media.dtls.DtlsCertificate;
import sabaq.media.dtls.DtlsClientSession;
import sabaq.media.dtls.DtlsConfig;
import sabaq.media.dtls.DtlsFailure;
import sabaq.media.dtls.DtlsSessionListener;
import sabaq.media.dtls.SrtpKeyMaterial;
import sabaq.media.srtp.SrtpTransformer;

import java.util.SplittableRandom;
import java.util.concurrent.Executor;

/**
 * How a bot gets from an answer to SRTP keys, as a browser does toward an ICE-lite SFU: Binding requests with
 * USE-CANDIDATE until one succeeds (RFC 8445 section 8.1.1, aggressive nomination), then the DTLS client handshake
 * (RFC 5763/5764; the SFU answered {@code a=setup:passive}) checked against the answer's fingerprint; once connected,
 * a consent check every {@link BotOptions#consentInterval()} (RFC 7675). The keys go to the sender and the receiver,
 * each with its own {@link SrtpTransformer} (they run on different threads). Thread safe.
 */
final class BotConnection {
    private static final Logger LOG = LoggerFactory.getLogger(BotConnection.class);

    private final String name;
    private final BotOptions options;
    private final DtlsCertificate certificate;
    private final Executor dtlsExecutor;
    private final BotSender sender;
    private final BotReceiver receiver;
    private volatile IceClient ice;
    private volatile DtlsClientSession dtls;
    private volatile WebRtcBot.State state = WebRtcBot.State.NEW;
    private volatile String failure;
    private BotAnswer answer;
    private long lastRequestNanos;

    BotConnection(BotOptions options, DtlsCertificate certificate, Executor dtlsExecutor, BotSender sender,
                  BotReceiver receiver) {
        this.name = options.name();
        this.options = options;
        this.certificate = certificate;
        this.dtlsExecutor = dtlsExecutor;
        this.sender = sender;
        this.receiver = receiver;
    }

    /** Starts ICE toward the SFU of {@code a}; {@link #tick} then sends the checks. */
    synchronized void begin(BotAnswer a, String ourUfrag, SplittableRandom random) {
        answer = a;
        ice = new IceClient(a.iceUfrag(), a.icePwd(), ourUfrag, random);
        state = WebRtcBot.State.CHECKING;
    }

    /** Periodic: a Binding request while checking, a consent check now and then once nominated. */
    void tick() {
        IceClient c = ice;
        WebRtcBot.State s = state;
        if (c == null || s == WebRtcBot.State.CLOSED || s == WebRtcBot.State.FAILED) return;
        long now = options.time().nanoTime();
        if (s == WebRtcBot.State.CHECKING || now - lastRequestNanos >= options.consentInterval().toNanos()) {
            lastRequestNanos = now;
            byte[] req = c.nextRequest(true);
            sender.transmit(req, 0, req.length);
        }
    }

    /** A STUN datagram from the SFU (receive thread). */
    void onStun(byte[] buf, int len) {
        IceClient c = ice;
        if (c != null && c.onDatagram(buf, len) == IceClient.Outcome.SUCCESS) onIceSuccess();
    }

    /** A DTLS datagram from the SFU (receive thread). */
    void onDtls(byte[] buf, int len) {
        DtlsClientSession d = dtls;
        if (d != null) d.onPacket(buf, 0, len);
    }

    private synchronized void onIceSuccess() {
        if (state != WebRtcBot.State.CHECKING) return;
        state = WebRtcBot.State.DTLS;
        DtlsConfig config = options.dtls();
        DtlsClientSession d = new DtlsClientSession(certificate, answer.fingerprint(), sender::transmit, dtlsExecutor,
                config, new DtlsSessionListener() {
            @Override
            public void onHandshakeComplete(SrtpKeyMaterial keys) {
                sender.keys(SrtpTransformer.forClient(keys));
                receiver.keys(SrtpTransformer.forClient(keys));
                connected();
            }

            @Override
            public void onFailure(DtlsFailure reason, String detail) {
                failed("DTLS " + reason + ": " + detail);
            }
        });
        dtls = d;
        d.start();
    }

    private synchronized void connected() {
        if (state == WebRtcBot.State.DTLS) state = WebRtcBot.State.CONNECTED;
        LOG.debug("bot {} connected", name);
    }

    private synchronized void failed(String why) {
        if (state == WebRtcBot.State.CLOSED) return;
        failure = why;
        state = WebRtcBot.State.FAILED;
        LOG.debug("bot {} failed: {}", name, why);
    }

    WebRtcBot.State state() {
        return state;
    }

    String failure() {
        return failure;
    }

    /** The ICE client, or null before the first answer (for counters). */
    IceClient ice() {
        return ice;
    }

    /** Ends the DTLS session; returns false if it was closed already. */
    boolean close() {
        synchronized (this) {
            if (state == WebRtcBot.State.CLOSED) return false;
            state = WebRtcBot.State.CLOSED;
        }
        DtlsClientSession d = dtls;
        if (d != null) d.close();
        return true;
    }
}
