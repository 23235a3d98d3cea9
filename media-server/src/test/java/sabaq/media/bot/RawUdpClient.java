package sabaq.media.bot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Arrays;

/**
 * A plain UDP socket on 127.0.0.1 for attack and fuzz tests: sends arbitrary datagrams to the SFU and waits (with a
 * timeout) for a reply. Not thread safe.
 */
public final class RawUdpClient implements AutoCloseable {
    private final DatagramChannel channel;
    private final InetSocketAddress target;

    public RawUdpClient(InetSocketAddress target) {
        this.target = target;
        try {
            channel = DatagramChannel.open();
            channel.bind(new InetSocketAddress("127.0.0.1", 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void send(byte[] data) {
        send(data, 0, data.length);
    }

    public void send(byte[] data, int off, int len) {
        try {
            channel.send(ByteBuffer.wrap(data, off, len), target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next datagram, or null when none arrives within {@code timeout}. */
    public byte[] receive(Duration timeout) {
        byte[] buf = new byte[2048];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            channel.socket().setSoTimeout((int) Math.max(1, timeout.toMillis()));
            channel.socket().receive(p);
            return Arrays.copyOf(buf, p.getLength());
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
