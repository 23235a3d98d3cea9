package sabaq.media.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.DatagramTransport;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one blocking Bouncy Castle DTLS handshake as a single task on an injected executor, and owns the session's
 * life cycle: NEW → HANDSHAKING → CONNECTED (task still reading, for {@link DtlsConfig#postHandshakeLinger()}) →
 * IDLE (connected, task ended) → CLOSED, or FAILED. Used by {@link DtlsServerSession} and {@link DtlsClientSession}.
 *
 * <p>Every exception out of Bouncy Castle ends here and becomes exactly one listener call (see
 * {@link DtlsSessionListener} for the contract).
 */
final class DtlsSessionEngine {

    /** Performs the Bouncy Castle handshake (accept or connect) over the queued transport. */
    @FunctionalInterface
    interface Handshake {
        DTLSTransport perform(DatagramTransport transport) throws IOException;
    }

    private enum State { NEW, HANDSHAKING, CONNECTED, IDLE, CLOSED, FAILED }

    private static final Logger LOG = LoggerFactory.getLogger(DtlsSessionEngine.class);
    private static final int MAX_WAIT_MILLIS = 1000;

    private final String role;
    private final QueuedDatagramTransport transport;
    private final HandshakeOutcome outcome;
    private final Handshake handshake;
    private final Executor executor;
    private final DtlsConfig config;
    private final DtlsSessionListener listener;
    private final AtomicBoolean outcomeReported = new AtomicBoolean();
    private final Object lock = new Object();
    private State state = State.NEW;
    private DTLSTransport dtls;
    private volatile boolean connected;

    DtlsSessionEngine(String role, DatagramSender sender, Executor executor, DtlsConfig config,
                      DtlsSessionListener listener, HandshakeOutcome outcome, Handshake handshake) {
        this.role = role;
        this.transport = new QueuedDatagramTransport(config.inboundQueueCapacity(), sender, outcome);
        this.outcome = outcome;
        this.handshake = handshake;
        this.executor = executor;
        this.config = config;
        this.listener = listener;
    }

    void start() {
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            if (state != State.NEW) {
                throw new IllegalStateException("DTLS " + role + " session already started");
            }
            state = State.HANDSHAKING;
        }
        try {
            executor.execute(this::run);
        } catch (RuntimeException e) {
            synchronized (lock) {
                state = State.FAILED;
            }
            transport.stopAccepting();
            reportFailure(DtlsFailure.INTERNAL, "the executor rejected the handshake task: " + e);
        }
    }

    void onPacket(byte[] data, int off, int len) {
        transport.offer(data, off, len);
    }

    long droppedPackets() {
        return transport.droppedPackets();
    }

    boolean isConnected() {
        return connected;
    }

    void close() {
        DTLSTransport closeNow = null;
        boolean reportClosed = false;
        synchronized (lock) {
            switch (state) {
                case NEW:
                    state = State.CLOSED;
                    reportClosed = true;
                    break;
                case HANDSHAKING:
                case CONNECTED:
                    connected = false;
                    transport.requestClose();
                    break;
                case IDLE:
                    state = State.CLOSED;
                    closeNow = dtls;
                    connected = false;
                    break;
                default:
                    break;
            }
        }
        if (reportClosed) {
            transport.stopAccepting();
            reportFailure(DtlsFailure.CLOSED, "closed before the handshake started");
        }
        if (closeNow != null) {
            closeQuietly(closeNow);
        }
    }

    private void run() {
        try {
            runHandshakeAndLinger();
        } finally {
            synchronized (lock) {
                if (state == State.HANDSHAKING) {
                    state = State.FAILED;
                }
            }
            transport.stopAccepting();
            // Guarantees one outcome even if an Error escaped; a no-op when one was reported already.
            reportFailure(DtlsFailure.INTERNAL, "the handshake task ended abnormally");
        }
    }

    private void runHandshakeAndLinger() {
        DTLSTransport established;
        try {
            established = handshake.perform(transport);
        } catch (Exception e) {
            synchronized (lock) {
                state = transport.closeRequested() ? State.CLOSED : State.FAILED;
            }
            reportHandshakeFailure(e);
            return;
        }
        SrtpKeyMaterial keys = outcome.keys();
        boolean closedMeanwhile;
        synchronized (lock) {
            closedMeanwhile = transport.closeRequested();
            if (closedMeanwhile || keys == null) {
                state = closedMeanwhile ? State.CLOSED : State.FAILED;
            } else {
                state = State.CONNECTED;
                dtls = established;
                connected = true;
            }
        }
        if (closedMeanwhile || keys == null) {
            closeQuietly(established);
            reportFailure(closedMeanwhile ? DtlsFailure.CLOSED : DtlsFailure.INTERNAL,
                    closedMeanwhile ? "closed locally as the handshake completed" : "no SRTP keys were exported");
            return;
        }
        if (outcomeReported.compareAndSet(false, true)) {
            LOG.debug("DTLS {} handshake complete: {}", role, keys.profile());
            try {
                listener.onHandshakeComplete(keys);
            } catch (RuntimeException e) {
                LOG.warn("DTLS {} listener failed in onHandshakeComplete", role, e);
            }
        }
        linger(established);
    }

    /** Keeps Bouncy Castle reading so it answers retransmitted final flights and notices close_notify. */
    private void linger(DTLSTransport established) {
        byte[] buf = new byte[QueuedDatagramTransport.RECEIVE_LIMIT];
        long deadline = System.nanoTime() + config.postHandshakeLinger().toNanos();
        DtlsFailure peerEnded = null;
        String detail = null;
        while (!transport.closeRequested() && !transport.closedByTls()) {
            long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remainingMillis <= 0) {
                break;
            }
            try {
                // Application data (e.g. data channels) is not supported and discarded.
                established.receive(buf, 0, buf.length, (int) Math.min(remainingMillis, MAX_WAIT_MILLIS));
            } catch (InterruptedIOException e) {
                // Closed locally, or the executor is shutting down: not the peer's doing.
                break;
            } catch (TlsFatalAlertReceived e) {
                peerEnded = DtlsFailure.ALERT;
                detail = "the peer sent fatal alert " + AlertDescription.getText(e.getAlertDescription());
                break;
            } catch (Exception e) {
                peerEnded = e instanceof TlsFatalAlert ? DtlsFailure.ALERT : DtlsFailure.INTERNAL;
                detail = "reading after the handshake failed: " + e;
                break;
            }
        }
        if (peerEnded == null && transport.closedByTls()) {
            peerEnded = DtlsFailure.CLOSED;
            detail = "the peer sent close_notify";
        }
        DTLSTransport closeNow = null;
        synchronized (lock) {
            if (transport.closeRequested()) {
                state = State.CLOSED;
                closeNow = established;
                connected = false;
                peerEnded = null;
            } else if (peerEnded != null) {
                state = State.CLOSED;
                connected = false;
            } else {
                state = State.IDLE;
            }
        }
        if (closeNow != null) {
            closeQuietly(closeNow);
        }
        if (peerEnded != null) {
            LOG.debug("DTLS {} association ended: {} ({})", role, peerEnded, detail);
            try {
                listener.onDisconnected(peerEnded, detail);
            } catch (RuntimeException e) {
                LOG.warn("DTLS {} listener failed in onDisconnected", role, e);
            }
        }
    }

    private void reportHandshakeFailure(Exception e) {
        if (transport.closeRequested()) {
            reportFailure(DtlsFailure.CLOSED, "closed locally before the handshake completed");
        } else if (outcome.rejection() != null) {
            reportFailure(outcome.rejection(), outcome.rejectionDetail());
        } else if (e instanceof TlsTimeoutException) {
            reportFailure(DtlsFailure.TIMEOUT,
                    "no complete handshake within " + config.handshakeTimeout().toMillis() + " ms");
        } else if (e instanceof TlsFatalAlertReceived) {
            reportFailure(DtlsFailure.ALERT, "the peer sent fatal alert "
                    + AlertDescription.getText(((TlsFatalAlertReceived) e).getAlertDescription()));
        } else if (e instanceof TlsFatalAlert && e.getCause() == null) {
            reportFailure(DtlsFailure.ALERT, "sent fatal alert "
                    + AlertDescription.getText(((TlsFatalAlert) e).getAlertDescription())
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } else {
            Throwable cause = e instanceof TlsFatalAlert ? e.getCause() : e;
            reportFailure(DtlsFailure.INTERNAL, String.valueOf(cause));
        }
    }

    private void reportFailure(DtlsFailure reason, String detail) {
        if (!outcomeReported.compareAndSet(false, true)) {
            return;
        }
        LOG.debug("DTLS {} handshake failed: {} ({})", role, reason, detail);
        try {
            listener.onFailure(reason, detail);
        } catch (RuntimeException e) {
            LOG.warn("DTLS {} listener failed in onFailure", role, e);
        }
    }

    /** Sends close_notify (Bouncy Castle skips it if the connection already failed) and never throws. */
    private void closeQuietly(DTLSTransport established) {
        try {
            established.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("DTLS {} close failed", role, e);
        }
    }
}
