package sabaq.media.netem;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A userspace network emulator for tests (this kernel has no netem): a UDP relay between clients and one upstream
 * server that impairs each direction independently ({@link Impairment}: delay, jitter, random and burst loss, rate
 * cap). Each client gets its own upstream socket, so the server sees one address per client. Impairments can be
 * changed while running (cut the network, lift a limit). One thread; call {@link #close()} to stop.
 */
public final class UdpImpairmentRelay implements AutoCloseable {
    /** Which way a packet goes. */
    public enum Direction { TO_SERVER, TO_CLIENT }

    private final DatagramChannel front;
    private final InetSocketAddress upstream;
    private final Selector selector;
    private final Thread thread;
    private final Map<InetSocketAddress, DatagramChannel> upstreamByClient = new ConcurrentHashMap<>();
    private final DirectionState toServer;
    private final DirectionState toClient;
    private final PriorityQueue<Pending> queue = new PriorityQueue<>();
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running = true;
    private long order;

    private record Pending(long releaseNanos, long order, ByteBuffer data, DatagramChannel via, InetSocketAddress to)
            implements Comparable<Pending> {
        @Override
        public int compareTo(Pending o) {
            int c = Long.compare(releaseNanos, o.releaseNanos);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    /** Per-direction state: the impairment in force, the Gilbert–Elliott state and the token-bucket clock. */
    private static final class DirectionState {
        volatile Impairment impairment;
        boolean bad;
        long linkFreeAtNanos;
        long lastReleaseNanos;
        final Random random;

        DirectionState(Impairment i, long seed) {
            impairment = i;
            random = new Random(seed);
        }

        /** Release time for a packet of {@code size} bytes arriving now, or -1 to drop it. */
        long admit(int size, long now) {
            Impairment i = impairment;
            if (i.goodToBad() > 0) {
                if (bad) {
                    if (random.nextDouble() < i.badToGood()) bad = false;
                } else if (random.nextDouble() < i.goodToBad()) {
                    bad = true;
                }
            }
            if (random.nextDouble() < i.loss() || bad && random.nextDouble() < i.badStateLoss()) return -1;
            long departure = now;
            if (i.rateBps() > 0) {
                long start = Math.max(now, linkFreeAtNanos);
                if (start - now > i.queueMillis() * 1_000_000L) return -1;
                linkFreeAtNanos = start + size * 8L * 1_000_000_000L / i.rateBps();
                departure = linkFreeAtNanos;
            }
            long jitter = i.jitterMillis() == 0 ? 0 : (long) ((random.nextDouble() * 2 - 1) * i.jitterMillis() * 1_000_000L);
            long release = departure + i.delayMillis() * 1_000_000L + jitter;
            release = Math.max(release, lastReleaseNanos);
            lastReleaseNanos = release;
            return release;
        }
    }

    private UdpImpairmentRelay(DatagramChannel front, InetSocketAddress upstream, Impairment toServer, Impairment toClient,
                               long seed) throws IOException {
        this.front = front;
        this.upstream = upstream;
        this.selector = Selector.open();
        this.toServer = new DirectionState(toServer, seed);
        this.toClient = new DirectionState(toClient, seed * 31 + 7);
        front.configureBlocking(false);
        front.register(selector, SelectionKey.OP_READ, null);
        this.thread = new Thread(this::loop, "impairment-relay-" + front.getLocalAddress());
        thread.setDaemon(true);
        thread.start();
    }

    /** Listens on {@code listen} (port 0 = any) and relays to {@code upstream}. */
    public static UdpImpairmentRelay start(InetSocketAddress listen, InetSocketAddress upstream, Impairment toServer,
                                           Impairment toClient, long seed) throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        ch.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
        ch.bind(listen);
        return new UdpImpairmentRelay(ch, upstream, toServer, toClient, seed);
    }

    public InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) front.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void set(Direction d, Impairment i) {
        (d == Direction.TO_SERVER ? toServer : toClient).impairment = i;
    }

    public void setBoth(Impairment i) {
        toServer.impairment = i;
        toClient.impairment = i;
    }

    public long forwarded() {
        return forwarded.get();
    }

    public long dropped() {
        return dropped.get();
    }

    private void loop() {
        ByteBuffer buf = ByteBuffer.allocate(65536);
        while (running) {
            try {
                long now = System.nanoTime();
                Pending next = queue.peek();
                long waitMs = next == null ? 50 : Math.max(0, (next.releaseNanos - now) / 1_000_000);
                if (waitMs == 0) selector.selectNow();
                else selector.select(Math.min(waitMs, 50));
                for (SelectionKey key : selector.selectedKeys()) {
                    DatagramChannel ch = (DatagramChannel) key.channel();
                    InetSocketAddress client = (InetSocketAddress) key.attachment();
                    while (true) {
                        buf.clear();
                        InetSocketAddress from = (InetSocketAddress) ch.receive(buf);
                        if (from == null) break;
                        buf.flip();
                        if (client == null) fromClient(buf, from);
                        else fromServer(buf, client);
                    }
                }
                selector.selectedKeys().clear();
                releaseDue(System.nanoTime());
            } catch (IOException | RuntimeException e) {
                if (running) dropped.incrementAndGet();
            }
        }
    }

    private void fromClient(ByteBuffer data, InetSocketAddress client) throws IOException {
        DatagramChannel up = upstreamByClient.get(client);
        if (up == null) {
            up = DatagramChannel.open();
            up.bind(new InetSocketAddress(upstream.getAddress(), 0));
            up.configureBlocking(false);
            up.register(selector, SelectionKey.OP_READ, client);
            upstreamByClient.put(client, up);
        }
        enqueue(toServer, data, up, upstream);
    }

    private void fromServer(ByteBuffer data, InetSocketAddress client) {
        enqueue(toClient, data, front, client);
    }

    private void enqueue(DirectionState d, ByteBuffer data, DatagramChannel via, InetSocketAddress to) {
        long now = System.nanoTime();
        long release = d.admit(data.remaining(), now);
        if (release < 0) {
            dropped.incrementAndGet();
            return;
        }
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data).flip();
        queue.add(new Pending(release, order++, copy, via, to));
    }

    private void releaseDue(long now) throws IOException {
        while (!queue.isEmpty() && queue.peek().releaseNanos <= now) {
            Pending p = queue.poll();
            p.via.send(p.data, p.to);
            forwarded.incrementAndGet();
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            selector.close();
            front.close();
            for (DatagramChannel c : upstreamByClient.values()) c.close();
        } catch (IOException ignored) {
            // closing sockets of a test relay
        }
    }
}
