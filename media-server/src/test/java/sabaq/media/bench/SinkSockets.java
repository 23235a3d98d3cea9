package sabaq.media.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N UDP sockets on 127.0.0.1, each connected to one sender (the SFU), drained and discarded by a single reader
 * thread through a selector: the cheapest receivers a benchmark can give the SFU. Counts datagrams and bytes, and
 * notes per socket whether a STUN message (first byte 0..3) arrived.
 */
final class SinkSockets implements AutoCloseable {
    private final List<DatagramChannel> channels = new ArrayList<>();
    private final Selector selector;
    private final Thread reader;
    private final AtomicLong datagrams = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicIntegerArray stunSeen;
    private volatile boolean running = true;

    SinkSockets(int n, InetSocketAddress sender) {
        stunSeen = new AtomicIntegerArray(n);
        try {
            selector = Selector.open();
            for (int i = 0; i < n; i++) {
                DatagramChannel ch = DatagramChannel.open();
                ch.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
                ch.bind(new InetSocketAddress("127.0.0.1", 0));
                ch.connect(sender);
                ch.configureBlocking(false);
                ch.register(selector, SelectionKey.OP_READ, i);
                channels.add(ch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reader = new Thread(this::drain, "bench-sinks");
        reader.setDaemon(true);
        reader.start();
    }

    InetSocketAddress address(int i) {
        try {
            return (InetSocketAddress) channels.get(i).getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void send(int i, byte[] data) {
        try {
            channels.get(i).write(ByteBuffer.wrap(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean stunSeen(int i) {
        return stunSeen.get(i) != 0;
    }

    long datagrams() {
        return datagrams.get();
    }

    long bytes() {
        return bytes.get();
    }

    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(2048);
    private long count;
    private long total;

    /** The reader loop; {@code select(action, timeout)} hands over ready keys without allocating an iterator. */
    private void drain() {
        java.util.function.Consumer<SelectionKey> onReady = this::readAll;
        while (running) {
            try {
                selector.select(onReady, 100);
            } catch (IOException e) {
                if (running) throw new UncheckedIOException(e);
            }
        }
    }

    private void readAll(SelectionKey key) {
        DatagramChannel ch = (DatagramChannel) key.channel();
        ByteBuffer buf = readBuffer;
        while (true) {
            buf.clear();
            int n;
            try {
                n = ch.read(buf);
            } catch (java.net.PortUnreachableException e) {
                continue;
            } catch (IOException e) {
                if (running) throw new UncheckedIOException(e);
                return;
            }
            if (n <= 0) break;
            count++;
            total += n;
            if ((buf.get(0) & 0xFF) <= 3) stunSeen.set((Integer) key.attachment(), 1);
        }
        datagrams.lazySet(count);
        bytes.lazySet(total);
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            reader.join(2000);
            selector.close();
            for (DatagramChannel ch : channels) ch.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
