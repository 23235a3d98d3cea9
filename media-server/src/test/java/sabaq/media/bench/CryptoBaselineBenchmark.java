package sabaq.media.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.socket.DatagramPacket;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import sabaq.media.dtls.SrtpKeyMaterial;
import sabaq.media.dtls.SrtpProfile;
import sabaq.media.srtp.SrtpTransformer;

import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The floor under {@link ForwardingBenchmark}: the same cryptography and copies with none of the SFU's code. Per
 * incoming 1200-byte RTP packet: copy a template and SRTP-protect it (the publisher), unprotect it (the SFU), then
 * per subscriber copy it, patch SSRC and sequence number, and protect with that subscriber's own keys; with
 * {@code NETTY_UDP} also hand each copy to a Netty epoll channel as a {@code DatagramPacket} to one of N loopback
 * sinks and flush once per batch (sendmmsg), exactly as the SFU's socket does. Runs on a single Netty event-loop
 * thread fed by the benchmark thread in batches of {@value ForwardingBenchmark#PACKETS_PER_OP}, like the rig. AEAD
 * AES-128-GCM through jitsi-srtp's OpenSSL binding, as negotiated with Chrome.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class CryptoBaselineBenchmark {
    private static final int PACKET = 1200;

    @Param({"30", "300"})
    int subscribers;

    @Param({"NONE", "NETTY_UDP"})
    String output;

    private MultiThreadIoEventLoopGroup group;
    private Channel channel;
    private SinkSockets sinks;
    private InetSocketAddress[] destinations;
    private SrtpTransformer publisher;
    private SrtpTransformer sfuIn;
    private SrtpTransformer[] sfuOut;
    private final byte[] template = new byte[PACKET];
    private final byte[] in = new byte[2048 + 64];
    private final byte[] out = new byte[2048 + 64];
    private int seq;
    private boolean send;
    private final java.util.concurrent.atomic.AtomicLong forwarded = new java.util.concurrent.atomic.AtomicLong();
    private ThreadCpuMeter cpu;

    @Setup
    public void setUp() throws InterruptedException {
        if (ForwardingBenchmark.PACKETS_PER_OP % subscribers != 0) throw new IllegalArgumentException("subscribers");
        SplittableRandom random = new SplittableRandom(5);
        SrtpKeyMaterial keys = keys(random);
        publisher = SrtpTransformer.forClient(keys);
        sfuIn = SrtpTransformer.forServer(keys);
        sfuOut = new SrtpTransformer[subscribers];
        for (int i = 0; i < subscribers; i++) sfuOut[i] = SrtpTransformer.forServer(keys(random));
        random.nextBytes(template);
        template[0] = (byte) 0x80;
        template[1] = 96;
        template[8] = 0x12;
        template[9] = 0x34;
        template[10] = 0x56;
        template[11] = 0x78;
        send = output.equals("NETTY_UDP");
        group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        channel = new Bootstrap().group(group).channel(EpollDatagramChannel.class)
                .option(ChannelOption.SO_SNDBUF, 4 << 20)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(4 << 20, 8 << 20))
                .handler(new ChannelInboundHandlerAdapter())
                .bind("127.0.0.1", 0).sync().channel();
        channel.alloc().directBuffer(PACKET).release();
        try {
            cpu = new ThreadCpuMeter(channel.eventLoop().submit(Thread::currentThread).get(), forwarded::get);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
        if (send) {
            sinks = new SinkSockets(subscribers, (InetSocketAddress) channel.localAddress());
            destinations = new InetSocketAddress[subscribers];
            for (int i = 0; i < subscribers; i++) destinations[i] = sinks.address(i);
        }
    }

    @Setup(Level.Iteration)
    public void iterationStart(IterationParams params) {
        cpu.iterationStart(params);
    }

    @TearDown(Level.Iteration)
    public void iterationEnd() {
        cpu.iterationEnd();
    }

    @TearDown
    public void tearDown() {
        System.out.println("\n[baseline] " + output + " " + subscribers + " sink datagrams "
                + (sinks == null ? 0 : sinks.datagrams()));
        System.out.println("[cpu] baseline " + output + " " + subscribers + " " + cpu.report("forwarded"));
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        if (sinks != null) sinks.close();
    }

    @Benchmark
    @OperationsPerInvocation(ForwardingBenchmark.PACKETS_PER_OP)
    public long forward() throws Exception {
        int incoming = ForwardingBenchmark.PACKETS_PER_OP / subscribers;
        return channel.eventLoop().submit(() -> batch(incoming)).get();
    }

    private long batch(int incoming) {
        long bytes = 0;
        for (int p = 0; p < incoming; p++) {
            System.arraycopy(template, 0, in, 0, PACKET);
            seq = (seq + 1) & 0xFFFF;
            in[2] = (byte) (seq >>> 8);
            in[3] = (byte) seq;
            int len = sfuIn.unprotectRtp(in, 0, publisher.protectRtp(in, 0, PACKET));
            for (int s = 0; s < subscribers; s++) {
                System.arraycopy(in, 0, out, 0, len);
                out[11] = (byte) s;
                int n = sfuOut[s].protectRtp(out, 0, len);
                bytes += n;
                if (send) {
                    ByteBuf b = channel.alloc().directBuffer(n);
                    b.writeBytes(out, 0, n);
                    channel.write(new DatagramPacket(b, destinations[s]), channel.voidPromise());
                }
            }
        }
        if (send) channel.flush();
        forwarded.lazySet(forwarded.get() + (long) incoming * subscribers);
        return bytes;
    }

    private static SrtpKeyMaterial keys(SplittableRandom random) {
        byte[] material = new byte[SrtpProfile.AEAD_AES_128_GCM.keyingMaterialLength()];
        random.nextBytes(material);
        return SrtpKeyMaterial.fromExporter(SrtpProfile.AEAD_AES_128_GCM, material);
    }
}
