package sabaq.media.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

import java.net.InetSocketAddress;

/**
 * One ICE-TCP connection from a browser (RFC 6544, passive candidate): packets travel as RFC 4571 frames, a 16-bit
 * length before each STUN message, DTLS record or SRTP packet. As a {@link DatagramOut} it frames and queues a
 * packet; flushes are batched like the UDP socket's. Event loop only.
 */
public final class TcpConnection implements DatagramOut {
    private final Channel channel;
    private final InetSocketAddress remote;
    private final MediaCounters counters;
    private final Runnable flushTask;
    private boolean flushScheduled;

    TcpConnection(Channel channel, MediaCounters counters) {
        this.channel = channel;
        this.remote = (InetSocketAddress) channel.remoteAddress();
        this.counters = counters;
        this.flushTask = () -> {
            flushScheduled = false;
            channel.flush();
        };
    }

    public InetSocketAddress remoteAddress() {
        return remote;
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    @Override
    public void send(byte[] buf, int off, int len, InetSocketAddress ignored) {
        if (len > 0xFFFF || !channel.isActive()) return;
        if (!channel.isWritable()) {
            counters.increment(MediaCounters.Counter.DROP_SEND_BACKLOG);
            return;
        }
        ByteBuf out = channel.alloc().directBuffer(len + 2);
        out.writeShort(len);
        out.writeBytes(buf, off, len);
        channel.write(out, channel.voidPromise());
        counters.increment(MediaCounters.Counter.PACKETS_SENT);
        if (!flushScheduled) {
            flushScheduled = true;
            channel.eventLoop().execute(flushTask);
        }
    }

    public void close() {
        channel.close();
    }

    @Override
    public String toString() {
        return "tcp:" + remote;
    }
}
