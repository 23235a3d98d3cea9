package sabaq.signalling.ops.metrics;

import sabaq.common.time.TimeSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Network interface counters from {@code /proc/net/dev} (Linux), read at most once per {@code maxAge} so that the
 * per-interface meters of one scrape share one read. Where the file does not exist (other systems) it reports
 * {@link #available()} false and no interfaces. Reading is blocking file I/O: call it off the event loop.
 */
public final class NetworkReader {
    /** The Linux file. */
    public static final Path PROC_NET_DEV = Path.of("/proc/net/dev");
    private static final int MAX_BYTES = 1 << 20;

    private final Path file;
    private final TimeSource time;
    private final long maxAgeNanos;
    private long readAtNanos;
    private boolean everRead;
    private Map<String, InterfaceCounters> latest = Map.of();
    private boolean available;

    public NetworkReader(Path file, TimeSource time, long maxAgeNanos) {
        this.file = file;
        this.time = time;
        this.maxAgeNanos = maxAgeNanos;
    }

    /** True when the last read found the file and at least one interface. */
    public synchronized boolean available() {
        refreshIfOld();
        return available;
    }

    /** Counters of every interface by name (empty when unavailable). */
    public synchronized Map<String, InterfaceCounters> interfaces() {
        refreshIfOld();
        return latest;
    }

    /** One counter of one interface, or NaN when the interface is gone or the file is unavailable. */
    public synchronized double value(String name, java.util.function.ToLongFunction<InterfaceCounters> field) {
        InterfaceCounters c = interfaces().get(name);
        return c == null ? Double.NaN : field.applyAsLong(c);
    }

    private void refreshIfOld() {
        long now = time.nanoTime();
        if (everRead && now - readAtNanos < maxAgeNanos) return;
        everRead = true;
        readAtNanos = now;
        List<InterfaceCounters> rows;
        try {
            if (!Files.isReadable(file) || Files.size(file) > MAX_BYTES) {
                rows = List.of();
            } else {
                rows = ProcNetDev.parse(new String(Files.readAllBytes(file), StandardCharsets.US_ASCII));
            }
        } catch (IOException | RuntimeException e) {
            rows = List.of();
        }
        Map<String, InterfaceCounters> m = new LinkedHashMap<>();
        for (InterfaceCounters c : rows) m.put(c.name(), c);
        latest = java.util.Collections.unmodifiableMap(m);
        available = !m.isEmpty();
    }
}
