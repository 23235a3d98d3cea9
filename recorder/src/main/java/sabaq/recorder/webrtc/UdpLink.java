package sabaq.recorder.webrtc;

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
 * The recorder peer's UDP socket: a blocking {@link DatagramChannel} bound to a local address and connected to the
 * SFU's candidate (so only its datagrams are read), with one daemon thread reading and handing each datagram on.
 * {@link #send} is thread safe and never throws (failures are counted).
 */
final class UdpLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UdpLink.class);
    static final int MAX_DATAGRAM = 2048;

    /** Receives each datagram on the reader thread; the buffer is reused after the call. */
    interface Receiver {
        void onDatagram(byte[] buf, int len);
    }

    private final String name;
    private final DatagramChannel channel;
    private final AtomicLong sendErrors = new AtomicLong();
    private Thread reader;

    UdpLink(String name, String bindHost) throws IOException {
        this.name = name;
        this.channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
        channel.bind(new InetSocketAddress(bindHost, 0));
    }

    InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    synchronized void connect(InetSocketAddress remote, Receiver receiver) throws IOException {
        if (reader != null) throw new IllegalStateException("already connected");
        channel.connect(remote);
        reader = new Thread(() -> readLoop(receiver), "recorder-" + name + "-rx");
        reader.setDaemon(true);
        reader.start();
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
                LOG.debug("recorder {} read failed: {}", name, e.toString());
                continue;
            }
            if (n <= 0) continue;
            try {
                receiver.onDatagram(buf, n);
            } catch (RuntimeException e) {
                LOG.error("recorder {}: handling a datagram threw", name, e);
            }
        }
    }

    void send(byte[] buf, int off, int len) {
        if (!channel.isConnected()) return;
        try {
            channel.write(ByteBuffer.wrap(buf, off, len));
        } catch (IOException | RuntimeException e) {
            sendErrors.incrementAndGet();
        }
    }

    long sendErrors() {
        return sendErrors.get();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("recorder {} close failed", name, e);
        }
    }
}
