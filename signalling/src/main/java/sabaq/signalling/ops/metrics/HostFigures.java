package sabaq.signalling.ops.metrics;

import java.util.List;

/**
 * The machine, process and JVM at one moment, for the operations page and the alert rules. Fractions are in [0, 1]
 * and NaN when the platform does not report them; byte counts are -1 when unknown.
 */
public record HostFigures(
        double systemCpu,
        double processCpu,
        int cpuCount,
        double loadAverage,
        long memoryTotal,
        long memoryFree,
        long heapUsed,
        long heapMax,
        long nonHeapUsed,
        int threads,
        int daemonThreads,
        long classesLoaded,
        long gcCount,
        long gcMillis,
        long uptimeMillis,
        long openFiles,
        long maxFiles,
        List<DiskFigures> disks,
        boolean networkAvailable,
        List<InterfaceCounters> interfaces) {

    public HostFigures {
        disks = List.copyOf(disks);
        interfaces = List.copyOf(interfaces);
    }

    public double memoryFreeRatio() {
        return memoryTotal > 0 && memoryFree >= 0 ? (double) memoryFree / memoryTotal : Double.NaN;
    }

    public double heapUsedRatio() {
        return heapMax > 0 ? (double) heapUsed / heapMax : Double.NaN;
    }

    public double openFilesRatio() {
        return maxFiles > 0 && openFiles >= 0 ? (double) openFiles / maxFiles : Double.NaN;
    }

    /** The lowest free ratio among the watched file systems, NaN when none is known. */
    public double lowestDiskFreeRatio() {
        double min = Double.NaN;
        for (DiskFigures d : disks) {
            double r = d.freeRatio();
            if (!Double.isNaN(r) && (Double.isNaN(min) || r < min)) min = r;
        }
        return min;
    }

    /** The least free space in bytes among the watched file systems, NaN when none is known. */
    public double lowestDiskFreeBytes() {
        double min = Double.NaN;
        for (DiskFigures d : disks) {
            if (d.total() > 0 && (Double.isNaN(min) || d.free() < min)) min = d.free();
        }
        return min;
    }
}
