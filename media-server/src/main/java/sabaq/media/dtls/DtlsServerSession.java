package sabaq.media.dtls;

import java.util.Objects;
import java.util.concurrent.Executor;

import org.bouncycastle.tls.DTLSServerProtocol;

/**
 * The SFU side of DTLS-SRTP with one browser (RFC 5764, RFC 5763; we answer {@code a=setup:passive}, so the browser
 * is the DTLS client). Runs a Bouncy Castle DTLS 1.2 server handshake that:
 * <ul>
 *   <li>requests the client certificate and accepts it only if it hashes to the fingerprint from the SDP offer;</li>
 *   <li>echoes exactly one use_srtp profile from the client's offer, the first of {@link DtlsConfig#profiles()};</li>
 *   <li>requires extended master secret (RFC 7627; Chrome always offers it) before exporting SRTP keys with the
 *       "EXTRACTOR-dtls_srtp" label;</li>
 *   <li>negotiates TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 (or the CHACHA20 / AES_256 ECDSA AEAD suites), receives
 *       datagrams up to 1500 bytes and sends records of at most 1200.</li>
 * </ul>
 *
 * <p>Threading: {@link #start()} submits one blocking task to the executor; the task performs the handshake, then keeps
 * reading for {@link DtlsConfig#postHandshakeLinger()} so retransmitted client flights are answered, and ends.
 * {@link #onPacket} is for the event loop: it copies the datagram into a bounded queue and never blocks or throws.
 * {@link #close()} may be called from any thread, any number of times. The listener hears exactly one handshake
 * outcome (see {@link DtlsSessionListener}).
 */
public final class DtlsServerSession {

    private final DtlsSessionEngine engine;

    /**
     * @param certificate               our certificate, shared by all sessions of the server
     * @param expectedClientFingerprint the {@code a=fingerprint} of the browser's offer
     * @param sender                    writes datagrams toward the browser; thread safe
     * @param executor                  runs the blocking handshake task (one per session)
     */
    public DtlsServerSession(DtlsCertificate certificate, DtlsFingerprint expectedClientFingerprint,
                             DatagramSender sender, Executor executor, DtlsConfig config,
                             DtlsSessionListener listener) {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(expectedClientFingerprint, "expectedClientFingerprint");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(listener, "listener");
        HandshakeOutcome outcome = new HandshakeOutcome();
        SrtpTlsServer server = new SrtpTlsServer(certificate, expectedClientFingerprint, config, outcome);
        this.engine = new DtlsSessionEngine("server", sender, executor, config, listener, outcome,
                transport -> new DTLSServerProtocol().accept(server, transport));
    }

    /**
     * Submits the handshake task. Datagrams offered before are queued (up to the capacity). Does nothing after
     * {@link #close()}.
     *
     * @throws IllegalStateException if called twice
     */
    public void start() {
        engine.start();
    }

    /** Queues one DTLS datagram from the browser; copies it, never blocks, never throws (drops are counted). */
    public void onPacket(byte[] data, int off, int len) {
        engine.onPacket(data, off, len);
    }

    /** Datagrams dropped because the queue was full, they were malformed, or no handshake task was reading. */
    public long droppedPackets() {
        return engine.droppedPackets();
    }

    /** True from handshake completion until the association is closed by either side. */
    public boolean isConnected() {
        return engine.isConnected();
    }

    /**
     * Ends the session: wakes the handshake task (a pending handshake fails with {@link DtlsFailure#CLOSED}) and sends
     * close_notify if connected. Idempotent, non-blocking.
     */
    public void close() {
        engine.close();
    }
}
