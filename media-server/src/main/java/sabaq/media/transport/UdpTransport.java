package sabaq.media.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The SFU's single UDP socket. One event-loop thread reads, processes and writes every packet; all media state is
 * confined to it. Writes are not flushed one by one: the first write of a batch schedules one flush task, which Netty
 * runs after the current read batch, so the native transport sends the batch with one {@code sendmmsg}.
 */
public final class UdpTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UdpTransport.class);

    /** Receives every datagram on the event loop. The buffer is only valid during the call. */
    public interface PacketHandler {
        void onPacket(ByteBuf content, InetSocketAddress sender);
    }

    private final MultiThreadIoEventLoopGroup group;
    private final Channel channel;
    private final EventLoop loop;
    private final ByteBufAllocator alloc;
    private final boolean nativeTransport;
    private final MediaCounters counters;
    private final Runnable flushTask = this::flushNow;
    private boolean flushScheduled;

    private UdpTransport(MultiThreadIoEventLoopGroup group, Channel channel, boolean nativeTransport, MediaCounters counters) {
        this.group = group;
        this.channel = channel;
        this.loop = channel.eventLoop();
        this.alloc = channel.alloc();
        this.nativeTransport = nativeTransport;
        this.counters = counters;
    }

    /** Binds the socket; blocks the calling (non-event-loop) thread until bound. */
    public static UdpTransport bind(String host, int port, boolean preferNative, int rcvBuf, int sndBuf,
                                    MediaCounters counters, PacketHandler handler) throws InterruptedException {
        boolean useNative = preferNative && Epoll.isAvailable();
        IoHandlerFactory factory = useNative ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("sfu-udp", true), factory);
        Class<? extends DatagramChannel> channelClass = useNative ? EpollDatagramChannel.class : NioDatagramChannel.class;
        Bootstrap b = new Bootstrap()
                .group(group)
                .channel(channelClass)
                .option(ChannelOption.SO_RCVBUF, rcvBuf)
                .option(ChannelOption.SO_SNDBUF, sndBuf)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(2048))
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(4 << 20, 8 << 20))
                .handler(new InboundHandler(handler, counters));
        try {
            Channel ch = b.bind(host, port).sync().channel();
            // Netty's adaptive allocator registers its JFR events at its first allocation and release, which takes
            // tens of milliseconds; pay that here rather than on the media thread at the first packet.
            ch.alloc().directBuffer(PacketRouter.MAX_DATAGRAM).release();
            LOG.info("SFU UDP socket bound to {} ({})", ch.localAddress(), useNative ? "native epoll" : "NIO");
            return new UdpTransport(group, ch, useNative, counters);
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    public EventLoop eventLoop() {
        return loop;
    }

    /** The one-thread group of the media event loop; ICE-TCP connections run on it too. */
    public MultiThreadIoEventLoopGroup eventLoopGroup() {
        return group;
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** True while the socket is bound and open. Any thread. */
    public boolean isOpen() {
        return channel.isActive();
    }

    public boolean isNative() {
        return nativeTransport;
    }

    /** Queues one datagram (copied). Event loop only. Drops (and counts) when the socket is backed up. */
    public void send(byte[] buf, int off, int len, InetSocketAddress to) {
        if (!channel.isWritable()) {
            counters.increment(MediaCounters.Counter.DROP_SEND_BACKLOG);
            return;
        }
        ByteBuf out = alloc.directBuffer(len);
        out.writeBytes(buf, off, len);
        channel.write(new DatagramPacket(out, to), channel.voidPromise());
        counters.increment(MediaCounters.Counter.PACKETS_SENT);
        if (!flushScheduled) {
            flushScheduled = true;
            loop.execute(flushTask);
        }
    }

    private void flushNow() {
        flushScheduled = false;
        channel.flush();
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }

    private static final class InboundHandler extends SimpleChannelInboundHandler<DatagramPacket> {
        private final PacketHandler handler;
        private final MediaCounters counters;

        InboundHandler(PacketHandler handler, MediaCounters counters) {
            this.handler = handler;
            this.counters = counters;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            counters.increment(MediaCounters.Counter.PACKETS_RECEIVED);
            try {
                handler.onPacket(packet.content(), packet.sender());
            } catch (RuntimeException e) {
                // The packet path must not throw; if a bug slips through, count it and keep serving everyone else.
                counters.increment(MediaCounters.Counter.INTERNAL_ERRORS);
                LOG.error("bug: packet handler threw for a packet from {}", packet.sender(), e);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // UDP: never close the channel because of one bad packet or an ICMP error; keep serving.
            counters.increment(MediaCounters.Counter.SOCKET_ERRORS);
            LOG.debug("UDP socket error: {}", cause.toString());
        }
    }
}
