package sabaq.signalling.ops.metrics;

import java.io.File;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the machine and the JVM: CPU load and physical memory from {@code com.sun.management.OperatingSystemMXBean}
 * (when the JVM has it), heap, threads, classes and GC from the platform MXBeans, open files on Unix, the space of
 * the file systems of the watched paths, and network counters through a {@link NetworkReader}. Disk and network
 * reads are blocking system calls: call {@link #read()} and the disk and network accessors off the event loop.
 */
public final class HostProbe {
    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<Path> watched;
    private final NetworkReader network;

    /**
     * @param watchedPaths paths whose file systems are reported (need not exist yet: the nearest existing parent is
     *                     measured); duplicates are dropped
     */
    public HostProbe(List<Path> watchedPaths, NetworkReader network) {
        Set<Path> unique = new LinkedHashSet<>();
        for (Path p : watchedPaths) unique.add(p.toAbsolutePath().normalize());
        this.watched = List.copyOf(unique);
        this.network = network;
    }

    public List<Path> watchedPaths() {
        return watched;
    }

    public NetworkReader network() {
        return network;
    }

    public HostFigures read() {
        MemoryUsage heap = memory.getHeapMemoryUsage();
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        List<DiskFigures> disks = new ArrayList<>();
        for (Path p : watched) disks.add(disk(p));
        Map<String, InterfaceCounters> nics = network.interfaces();
        return new HostFigures(systemCpu(), processCpu(), Runtime.getRuntime().availableProcessors(),
                os.getSystemLoadAverage(), memoryTotal(), memoryFree(), heap.getUsed(), heap.getMax(),
                memory.getNonHeapMemoryUsage().getUsed(), threads.getThreadCount(), threads.getDaemonThreadCount(),
                ManagementFactory.getClassLoadingMXBean().getLoadedClassCount(), gcCount, gcMillis,
                ManagementFactory.getRuntimeMXBean().getUptime(), openFiles(), maxFiles(), disks,
                network.available(), new ArrayList<>(nics.values()));
    }

    /** Recent CPU load of the whole machine (or container), 0..1, NaN when not reported. */
    public double systemCpu() {
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return fraction(((com.sun.management.OperatingSystemMXBean) os).getCpuLoad());
        }
        return Double.NaN;
    }

    /** Recent CPU load of this process, 0..1, NaN when not reported. */
    public double processCpu() {
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return fraction(((com.sun.management.OperatingSystemMXBean) os).getProcessCpuLoad());
        }
        return Double.NaN;
    }

    /** Physical memory in bytes, -1 when not reported. */
    public long memoryTotal() {
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize();
        }
        return -1;
    }

    /** Free physical memory in bytes, -1 when not reported. */
    public long memoryFree() {
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getFreeMemorySize();
        }
        return -1;
    }

    private long openFiles() {
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean) {
            return ((com.sun.management.UnixOperatingSystemMXBean) os).getOpenFileDescriptorCount();
        }
        return -1;
    }

    private long maxFiles() {
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean) {
            return ((com.sun.management.UnixOperatingSystemMXBean) os).getMaxFileDescriptorCount();
        }
        return -1;
    }

    /** Usable and total bytes of the file system holding {@code path} (or its nearest existing parent). */
    public static DiskFigures disk(Path path) {
        Path p = path.toAbsolutePath().normalize();
        Path existing = p;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return new DiskFigures(p.toString(), -1, -1);
        File f = existing.toFile();
        long total = f.getTotalSpace();
        return total <= 0 ? new DiskFigures(p.toString(), -1, -1) : new DiskFigures(p.toString(), f.getUsableSpace(), total);
    }

    private static double fraction(double v) {
        return v < 0 || Double.isNaN(v) ? Double.NaN : Math.min(1.0, v);
    }
}
