package sabaq.signalling.ops.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import sabaq.common.media.MediaStats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The Prometheus registry of one Sabaq process and its host and media meters: JVM (memory, GC, threads, classes,
 * info), process (CPU, uptime, open files), system CPU and load, physical memory ({@code system_memory_*_bytes}),
 * the file systems of the watched paths ({@code disk_free_bytes}, {@code disk_total_bytes},
 * {@code sabaq_disk_free_ratio}, labelled {@code path}), network interfaces ({@code sabaq_network_*_total}, labelled
 * {@code interface}, with {@code sabaq_network_stats_available} 0 where {@code /proc/net/dev} does not exist) and the
 * media server counters as function counters ({@code sabaq_media_<counter>_total}; drops as
 * {@code sabaq_media_dropped_packets_total{reason}}). Signalling's own meters are registered on {@link #registry()}
 * by {@link TrafficMeters} and {@link LessonMeters}.
 */
public final class SabaqMeters implements AutoCloseable {
    /** Content type of the Prometheus text exposition format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final String DROP_PREFIX = "drop_";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final HostProbe host;
    private final Map<String, List<Meter>> interfaceMeters = new HashMap<>();

    public SabaqMeters(HostProbe host, MediaStats media) {
        this.host = host;
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        Gauge.builder("system.memory.total", host, h -> known(h.memoryTotal())).baseUnit("bytes")
                .description("physical memory of the machine").register(registry);
        Gauge.builder("system.memory.free", host, h -> known(h.memoryFree())).baseUnit("bytes")
                .description("free physical memory of the machine").register(registry);
        for (Path p : host.watchedPaths()) diskMeters(p);
        Gauge.builder("sabaq.network.stats.available", host.network(), n -> n.available() ? 1 : 0)
                .description("1 when network interface counters can be read (Linux /proc/net/dev), else 0").register(registry);
        syncInterfaces(host.network().interfaces().keySet());
        mediaMeters(media);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition (format 0.0.4). Reads disks and network: call off the event loop. */
    public String scrape() {
        return registry.scrape();
    }

    private void diskMeters(Path path) {
        String label = path.toString();
        Gauge.builder("disk.free", () -> known(HostProbe.disk(path).free())).baseUnit("bytes").tag("path", label)
                .description("usable space of the file system holding the path").register(registry);
        Gauge.builder("disk.total", () -> known(HostProbe.disk(path).total())).baseUnit("bytes").tag("path", label)
                .description("total space of the file system holding the path").register(registry);
        Gauge.builder("sabaq.disk.free", () -> HostProbe.disk(path).freeRatio()).baseUnit("ratio").tag("path", label)
                .description("usable / total space of the file system holding the path").register(registry);
    }

    /** Registers meters for interfaces that appeared and removes those of interfaces that are gone. */
    public synchronized void syncInterfaces(Set<String> names) {
        for (String name : names) interfaceMeters.computeIfAbsent(name, this::interfaceMeters);
        for (String gone : new ArrayList<>(interfaceMeters.keySet())) {
            if (names.contains(gone)) continue;
            for (Meter m : interfaceMeters.remove(gone)) registry.remove(m);
        }
    }

    private List<Meter> interfaceMeters(String name) {
        NetworkReader n = host.network();
        List<Meter> list = new ArrayList<>();
        list.add(nicCounter(n, name, "sabaq.network.receive", "bytes", InterfaceCounters::rxBytes));
        list.add(nicCounter(n, name, "sabaq.network.transmit", "bytes", InterfaceCounters::txBytes));
        list.add(nicCounter(n, name, "sabaq.network.receive", "packets", InterfaceCounters::rxPackets));
        list.add(nicCounter(n, name, "sabaq.network.transmit", "packets", InterfaceCounters::txPackets));
        return list;
    }

    private Meter nicCounter(NetworkReader n, String nic, String name, String unit, ToLongFunction<InterfaceCounters> f) {
        return FunctionCounter.builder(name + "." + unit, n, r -> r.value(nic, f)).baseUnit(unit).tag("interface", nic)
                .description(unit + " through a network interface since it came up").register(registry);
    }

    private void mediaMeters(MediaStats media) {
        for (String counter : media.counterNames()) {
            FunctionCounter.Builder<MediaStats> b;
            if (counter.startsWith(DROP_PREFIX)) {
                b = FunctionCounter.builder("sabaq.media.dropped", media, m -> known(m.counter(counter)))
                        .baseUnit("packets").tag("reason", counter.substring(DROP_PREFIX.length()))
                        .description("packets the media server dropped, by reason");
            } else {
                b = FunctionCounter.builder("sabaq.media." + counter, media, m -> known(m.counter(counter)))
                        .description("media server counter " + counter);
            }
            b.register(registry);
        }
        Gauge.builder("sabaq.media.ready", media, m -> m.isReady() ? 1 : 0)
                .description("1 while the media server takes new peers").register(registry);
    }

    private static double known(long v) {
        return v < 0 ? Double.NaN : v;
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
