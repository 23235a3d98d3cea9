package sabaq.media.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.tls.DatagramTransport;

/**
 * The {@link DatagramTransport} a Bouncy Castle DTLS handshake runs over: datagrams from the event loop are copied into
 * a bounded queue that the (blocking) handshake thread drains; records go out through a {@link DatagramSender}.
 *
 * <p>{@link #offer} never blocks and never throws: a datagram that does not fit the queue, arrives when no reader is
 * left, or is malformed (bad slice, empty, larger than {@link #RECEIVE_LIMIT}) is dropped and counted. So is a
 * datagram holding a protected record too short to authenticate, which would make Bouncy Castle fail the connection.
 */
final class QueuedDatagramTransport implements DatagramTransport {

    /** Largest datagram accepted (an Ethernet MTU). */
    static final int RECEIVE_LIMIT = 1500;
    /** Largest datagram sent: leaves room for IP/UDP headers and TURN/VPN overhead on common paths. */
    static final int SEND_LIMIT = 1200;

    private static final byte[] WAKE_UP = new byte[0];

    private final ArrayBlockingQueue<byte[]> inbound;
    private final DatagramSender sender;
    private final HandshakeOutcome outcome;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean accepting = true;
    private volatile boolean closeRequested;
    private volatile boolean closedByTls;

    QueuedDatagramTransport(int capacity, DatagramSender sender, HandshakeOutcome outcome) {
        this.inbound = new ArrayBlockingQueue<>(capacity);
        this.sender = sender;
        this.outcome = outcome;
    }

    /** Copies and enqueues one datagram; returns false (and counts a drop) if it was not queued. */
    boolean offer(byte[] data, int off, int len) {
        if (!accepting || data == null || off < 0 || len <= 0 || len > RECEIVE_LIMIT || off > data.length - len) {
            dropped.incrementAndGet();
            return false;
        }
        if (!inbound.offer(Arrays.copyOfRange(data, off, off + len))) {
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    long droppedPackets() {
        return dropped.get();
    }

    /** Makes the reader's current and later {@link #receive} calls throw {@link SessionClosedException}. */
    void requestClose() {
        closeRequested = true;
        // If the queue is full the reader is not waiting, and it checks the flag before its next poll.
        inbound.offer(WAKE_UP);
    }

    boolean closeRequested() {
        return closeRequested;
    }

    /** Whether Bouncy Castle closed the transport (after a close_notify exchange or a failure). */
    boolean closedByTls() {
        return closedByTls;
    }

    /** No reader will come any more: drop the backlog, and drop (and count) everything offered from now on. */
    void stopAccepting() {
        accepting = false;
        inbound.clear();
    }

    @Override
    public int getReceiveLimit() {
        return RECEIVE_LIMIT;
    }

    @Override
    public int getSendLimit() {
        return SEND_LIMIT;
    }

    /**
     * Waits up to {@code waitMillis} (0 means forever) for a datagram; returns -1 on timeout. Throws
     * {@link SessionClosedException} once the session was closed locally or Bouncy Castle closed the transport (it
     * would otherwise keep polling until its own timeout after a close_notify).
     */
    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        if (closeRequested || closedByTls) {
            throw new SessionClosedException();
        }
        byte[] datagram;
        try {
            datagram = waitMillis <= 0 ? inbound.take() : inbound.poll(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a DTLS datagram");
        }
        if (closeRequested || datagram == WAKE_UP) {
            throw new SessionClosedException();
        }
        if (datagram == null || datagram.length > len) {
            return -1;
        }
        if (hasTruncatedProtectedRecord(datagram, outcome.minimumProtectedRecordLength())) {
            dropped.incrementAndGet();
            return -1;
        }
        System.arraycopy(datagram, 0, buf, off, datagram.length);
        return datagram.length;
    }

    /**
     * Whether any DTLS record in the datagram (RFC 6347 section 4.1: 13-byte header, epoch at offset 3, length at
     * offset 11) is protected (epoch above 0) but too short for the cipher to authenticate.
     */
    static boolean hasTruncatedProtectedRecord(byte[] datagram, int minimumProtectedLength) {
        int pos = 0;
        while (datagram.length - pos >= 13) {
            int epoch = (datagram[pos + 3] & 0xFF) << 8 | (datagram[pos + 4] & 0xFF);
            int length = (datagram[pos + 11] & 0xFF) << 8 | (datagram[pos + 12] & 0xFF);
            if (epoch != 0 && length < minimumProtectedLength) {
                return true;
            }
            pos += 13 + length;
        }
        return false;
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        try {
            sender.send(buf, off, len);
        } catch (RuntimeException e) {
            throw new IOException("DTLS datagram sender failed: " + e, e);
        }
    }

    @Override
    public void close() {
        closedByTls = true;
    }

    /**
     * Thrown out of {@link #receive} once the session is closed. An {@link InterruptedIOException} passes
     * through Bouncy Castle's record layer without it failing the connection, so the owner can still send
     * close_notify.
     */
    static final class SessionClosedException extends InterruptedIOException {
        SessionClosedException() {
            super("DTLS session closed");
        }
    }
}
