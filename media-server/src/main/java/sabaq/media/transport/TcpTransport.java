package sabaq.media.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * ICE over TCP (RFC 6544) for browsers whose network blocks UDP: a passive TCP candidate on the media thread's own
 * event loop (so media state stays single-threaded). Each connection's RFC 4571 frames go through the same
 * {@link PacketRouter} as UDP datagrams; a connection silent for the idle timeout is closed.
 */
public final class TcpTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TcpTransport.class);
    private static final int MAX_FRAME = PacketRouter.MAX_DATAGRAM;

    private final Channel serverChannel;

    private TcpTransport(Channel serverChannel) {
        this.serverChannel = serverChannel;
    }

    public static TcpTransport bind(EventLoopGroup mediaLoop, boolean nativeTransport, String host, int port,
                                    long idleSeconds, PacketRouter router, MediaCounters counters) throws InterruptedException {
        Class<? extends ServerSocketChannel> channelClass =
                nativeTransport ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        ServerBootstrap b = new ServerBootstrap()
                .group(mediaLoop, mediaLoop)
                .channel(channelClass)
                .option(ChannelOption.SO_BACKLOG, 256)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 << 10, 1 << 20))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        TcpConnection conn = new TcpConnection(ch, counters);
                        ch.pipeline()
                                .addLast(new IdleStateHandler(idleSeconds, 0, 0, TimeUnit.SECONDS))
                                .addLast(new LengthFieldBasedFrameDecoder(MAX_FRAME, 0, 2, 0, 2))
                                .addLast(new FrameHandler(conn, router, counters));
                    }
                });
        Channel ch = b.bind(host, port).sync().channel();
        LOG.info("SFU ICE-TCP listening on {}", ch.localAddress());
        return new TcpTransport(ch);
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }

    private static final class FrameHandler extends SimpleChannelInboundHandler<ByteBuf> {
        private final TcpConnection connection;
        private final PacketRouter router;
        private final MediaCounters counters;

        FrameHandler(TcpConnection connection, PacketRouter router, MediaCounters counters) {
            this.connection = connection;
            this.router = router;
            this.counters = counters;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
            counters.increment(MediaCounters.Counter.PACKETS_RECEIVED);
            try {
                router.onTcpFrame(frame, connection);
            } catch (RuntimeException e) {
                counters.increment(MediaCounters.Counter.INTERNAL_ERRORS);
                LOG.error("bug: TCP frame handler threw for {}", connection, e);
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof IdleStateEvent) ctx.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // A frame over the limit or a reset: this connection ends, everyone else goes on.
            counters.increment(MediaCounters.Counter.SOCKET_ERRORS);
            ctx.close();
        }
    }
}
