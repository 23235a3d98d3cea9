package sabaq.media.dtls;

import java.util.Objects;
import java.util.concurrent.Executor;

import org.bouncycastle.tls.DTLSClientProtocol;

/**
 * The browser side of DTLS-SRTP (RFC 5764, RFC 5763, {@code a=setup:active}), for our Java media bots, load tests
 * and the loopback tests of {@link DtlsServerSession}. A Bouncy Castle DTLS 1.2 client that offers use_srtp with every
 * profile of {@link DtlsConfig#profiles()}, presents our certificate, accepts the server only if its certificate
 * hashes to the fingerprint of the SDP answer, and requires extended master secret (RFC 7627).
 *
 * <p>Threading and life cycle are those of {@link DtlsServerSession}: one blocking task on the executor,
 * {@link #onPacket} non-blocking and non-throwing, {@link #close()} idempotent, exactly one handshake outcome.
 */
public final class DtlsClientSession {

    private final DtlsSessionEngine engine;

    /**
     * @param certificate               our certificate (bots may share one)
     * @param expectedServerFingerprint the {@code a=fingerprint} of the SFU's answer
     * @param sender                    writes datagrams toward the server; thread safe
     * @param executor                  runs the blocking handshake task (one per session)
     */
    public DtlsClientSession(DtlsCertificate certificate, DtlsFingerprint expectedServerFingerprint,
                             DatagramSender sender, Executor executor, DtlsConfig config,
                             DtlsSessionListener listener) {
        this(certificate, expectedServerFingerprint, sender, executor, config, listener, true, true);
    }

    /** Test seam: a client that sends an empty certificate chain and/or does not offer extended master secret. */
    DtlsClientSession(DtlsCertificate certificate, DtlsFingerprint expectedServerFingerprint, DatagramSender sender,
                      Executor executor, DtlsConfig config, DtlsSessionListener listener,
                      boolean presentCertificate, boolean offerExtendedMasterSecret) {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(expectedServerFingerprint, "expectedServerFingerprint");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(listener, "listener");
        HandshakeOutcome outcome = new HandshakeOutcome();
        SrtpTlsClient client = new SrtpTlsClient(certificate, expectedServerFingerprint, config, outcome,
                presentCertificate, offerExtendedMasterSecret);
        this.engine = new DtlsSessionEngine("client", sender, executor, config, listener, outcome,
                transport -> new DTLSClientProtocol().connect(client, transport));
    }

    /**
     * Submits the handshake task, which sends the ClientHello. Does nothing after {@link #close()}.
     *
     * @throws IllegalStateException if called twice
     */
    public void start() {
        engine.start();
    }

    /** Queues one DTLS datagram from the server; copies it, never blocks, never throws (drops are counted). */
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

    /** Ends the session (see {@link DtlsServerSession#close()}). Idempotent, non-blocking. */
    public void close() {
        engine.close();
    }
}
