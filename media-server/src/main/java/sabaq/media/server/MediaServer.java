package sabaq.media.server;

import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.media.MediaBackend;
import sabaq.common.media.MediaRoom;
import sabaq.common.media.MediaRoomListener;
import sabaq.common.media.MediaRoomStats;
import sabaq.common.media.MediaStats;
import sabaq.common.time.TimeSource;
import sabaq.media.dtls.DtlsCertificate;
import sabaq.media.ice.IceLiteResponder;
import sabaq.media.room.Room;
import sabaq.media.room.RoomStatsCollector;
import sabaq.media.srtp.SrtpTransformer;
import sabaq.media.transport.MediaCounters;
import sabaq.media.transport.MediaServerContext;
import sabaq.media.transport.PacketRouter;
import sabaq.media.transport.TcpTransport;
import sabaq.media.transport.UdpTransport;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Sabaq's SFU: one UDP socket, one media thread, rooms of peers. Implements the {@link MediaBackend} that
 * signalling talks to, and {@link MediaStats} for metrics and health: the {@link MediaCounters} by their lower-case
 * names, and per-room figures computed on the media thread.
 */
public final class MediaServer implements MediaBackend, MediaStats {
    private static final List<String> COUNTER_NAMES = counterNames(MediaCounters.Counter.values());

    private static final Logger LOG = LoggerFactory.getLogger(MediaServer.class);
    private static final long TICK_MILLIS = 20;

    private final MediaServerContext ctx;
    private final ExecutorService dtlsExecutor;
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> ticker;
    private final TcpTransport tcp;
    private volatile boolean closed;

    private MediaServer(MediaServerContext ctx, ExecutorService dtlsExecutor, TcpTransport tcp) {
        this.ctx = ctx;
        this.tcp = tcp;
        this.dtlsExecutor = dtlsExecutor;
        this.ticker = ctx.udp().eventLoop().scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Binds the socket and starts the media thread. */
    public static MediaServer start(MediaServerConfig config, TimeSource time) throws InterruptedException {
        // jitsi-srtp's one-time setup takes most of a second: do it here, not on the media thread at the first peer.
        SrtpTransformer.aesImplementation();
        MediaCounters counters = new MediaCounters();
        SecureRandom random = new SecureRandom();
        DtlsCertificate certificate = DtlsCertificate.generate();
        ExecutorService dtls = Executors.newCachedThreadPool(new DefaultThreadFactory("sfu-dtls", true));
        UdpTransport[] udpRef = new UdpTransport[1];
        IceLiteResponder ice = new IceLiteResponder(counters);
        PacketRouter router = new PacketRouter(ice, counters, time, (b, o, l, to) -> udpRef[0].send(b, o, l, to));
        try {
            udpRef[0] = UdpTransport.bind(config.bindHost(), config.port(),
                    config.transport() != MediaServerConfig.TransportKind.NIO,
                    config.socketReceiveBufferBytes(), config.socketSendBufferBytes(), counters, router);
        } catch (InterruptedException | RuntimeException e) {
            dtls.shutdownNow();
            throw e;
        }
        if (config.transport() == MediaServerConfig.TransportKind.EPOLL && !udpRef[0].isNative()) {
            udpRef[0].close();
            dtls.shutdownNow();
            throw new IllegalStateException("sabaq.media.transport = epoll, but native epoll is not available here");
        }
        TcpTransport tcp = null;
        if (config.tcpEnabled()) {
            int udpPort = udpRef[0].localAddress().getPort();
            int port = config.tcpPort() >= 0 ? config.tcpPort() : (config.port() == 0 ? 0 : udpPort);
            try {
                tcp = TcpTransport.bind(udpRef[0].eventLoopGroup(), udpRef[0].isNative(), config.tcpBindHost(), port,
                        config.tcpIdleTimeout().toSeconds(), router, counters);
            } catch (InterruptedException | RuntimeException e) {
                udpRef[0].close();
                dtls.shutdownNow();
                throw e;
            }
        }
        MediaServerContext ctx = new MediaServerContext(config, udpRef[0], router, ice, certificate, dtls, counters, time,
                random, tcp == null ? -1 : tcp.localAddress().getPort());
        LOG.info("media server listening on udp {}{} (announced as {}), DTLS fingerprint {}",
                udpRef[0].localAddress(), tcp == null ? "" : " and tcp " + tcp.localAddress(),
                config.announcedAddresses(), certificate.fingerprintSha256());
        return new MediaServer(ctx, dtls, tcp);
    }

    @Override
    public MediaRoom openRoom(String roomId, MediaRoomListener listener) {
        if (closed) throw new IllegalStateException("media server is closed");
        return rooms.computeIfAbsent(roomId, id -> new Room(id, ctx, listener, r -> rooms.remove(r.id(), r)));
    }

    public int port() {
        return ctx.udp().localAddress().getPort();
    }

    public MediaCounters counters() {
        return ctx.counters();
    }

    public String certificateFingerprint() {
        return ctx.certificate().fingerprintSha256();
    }

    /** Runs {@code task} on the media thread and returns its result (for tests and the operations page). */
    public <T> CompletableFuture<T> onMediaThread(java.util.function.Supplier<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        try {
            ctx.udp().eventLoop().execute(() -> {
                try {
                    f.complete(task.get());
                } catch (RuntimeException e) {
                    f.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException stopped) {
            f.completeExceptionally(stopped);
        }
        return f;
    }

    public Room room(String id) {
        return rooms.get(id);
    }

    @Override
    public List<String> counterNames() {
        return COUNTER_NAMES;
    }

    @Override
    public long counter(String name) {
        int i = COUNTER_NAMES.indexOf(name);
        return i < 0 ? -1 : ctx.counters().get(MediaCounters.Counter.values()[i]);
    }

    @Override
    public CompletionStage<List<MediaRoomStats>> roomStats() {
        if (closed) return CompletableFuture.completedFuture(List.of());
        return onMediaThread(() -> {
            long now = ctx.time().nanoTime();
            List<MediaRoomStats> out = new ArrayList<>();
            for (Room r : rooms.values()) out.add(RoomStatsCollector.collect(r, now));
            return out;
        });
    }

    @Override
    public boolean isReady() {
        return !closed && ctx.udp().isOpen();
    }

    private static List<String> counterNames(MediaCounters.Counter[] counters) {
        List<String> names = new ArrayList<>();
        for (MediaCounters.Counter c : counters) names.add(c.name().toLowerCase(Locale.ROOT));
        return List.copyOf(names);
    }

    private void tick() {
        long now = ctx.time().nanoTime();
        for (Room r : new ArrayList<>(rooms.values())) {
            try {
                r.onTick(now);
            } catch (RuntimeException e) {
                ctx.counters().increment(MediaCounters.Counter.INTERNAL_ERRORS);
                LOG.error("bug: tick of room {} threw", r.id(), e);
            }
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        List<Room> all = new ArrayList<>(rooms.values());
        CompletableFuture<Void> done = new CompletableFuture<>();
        ctx.udp().eventLoop().execute(() -> {
            ticker.cancel(false);
            done.complete(null);
        });
        for (Room r : all) r.close();
        done.orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
        if (tcp != null) tcp.close();
        ctx.udp().close();
        dtlsExecutor.shutdownNow();
        LOG.info("media server stopped");
    }
}
