package sabaq.media.bot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bot's UDP socket on 127.0.0.1: a blocking {@link DatagramChannel} connected to the SFU's candidate (so only the
 * SFU's datagrams are read) and one daemon thread that reads and hands each datagram to a {@link Receiver}.
 * {@link #send} is thread safe.
 */
final class BotSocket implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BotSocket.class);
    static final int MAX_DATAGRAM = 2048;

    /** Gets each datagram on the receive thread; the buffer is reused after the call. */
    interface Receiver {
        void onDatagram(byte[] buf, int len);
    }

    private final String name;
    private final DatagramChannel channel;
    private final AtomicLong sendErrors = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private Thread reader;

    BotSocket(String name) throws IOException {
        this.name = name;
        this.channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
        channel.setOption(StandardSocketOptions.SO_SNDBUF, 1 << 20);
        channel.bind(new InetSocketAddress("127.0.0.1", 0));
    }

    InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Connects to the SFU and starts the reader thread. Once only. */
    synchronized void connect(InetSocketAddress remote, Receiver receiver) throws IOException {
        if (reader != null) throw new IllegalStateException("already connected");
        channel.connect(remote);
        reader = new Thread(() -> readLoop(receiver), "bot-" + name + "-rx");
        reader.setDaemon(true);
        reader.start();
    }

    boolean isConnected() {
        return channel.isConnected();
    }

    private void readLoop(Receiver receiver) {
        byte[] buf = new byte[MAX_DATAGRAM];
        ByteBuffer bb = ByteBuffer.wrap(buf);
        while (channel.isOpen()) {
            bb.clear();
            int n;
            try {
                n = channel.read(bb);
            } catch (PortUnreachableException e) {
                continue;
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.debug("bot {} read failed: {}", name, e.toString());
                continue;
            }
            if (n <= 0) continue;
            received.incrementAndGet();
            try {
                receiver.onDatagram(buf, n);
            } catch (RuntimeException e) {
                LOG.error("bot {}: handling a datagram threw", name, e);
            }
        }
    }

    /** Sends one datagram to the SFU; failures are counted, never thrown. */
    void send(byte[] buf, int off, int len) {
        try {
            channel.write(ByteBuffer.wrap(buf, off, len));
            sent.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            sendErrors.incrementAndGet();
        }
    }

    long sendErrors() {
        return sendErrors.get();
    }

    long datagramsSent() {
        return sent.get();
    }

    long datagramsReceived() {
        return received.get();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("bot {} close failed", name, e);
        }
        Thread r;
        synchronized (this) {
            r = reader;
        }
        if (r != null) {
            try {
                r.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
