package sabaq.media.bench;

import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongSupplier;

/**
 * Measures, over the measurement iterations only, how much CPU one thread (the media event loop) used, user plus
 * system time (the kernel's loopback send path is charged to the sending thread), against a work counter, so a
 * result can be stated per CPU-second of that thread rather than per wall second.
 */
final class ThreadCpuMeter {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long threadId;
    private final LongSupplier work;
    private long cpuNanos;
    private long wallNanos;
    private long done;
    private long cpuAtStart;
    private long wallAtStart;
    private long workAtStart;
    private boolean measuring;

    ThreadCpuMeter(Thread thread, LongSupplier work) {
        this.threadId = thread.getId();
        this.work = work;
    }

    void iterationStart(IterationParams params) {
        measuring = params.getType() == IterationType.MEASUREMENT;
        cpuAtStart = THREADS.getThreadCpuTime(threadId);
        wallAtStart = System.nanoTime();
        workAtStart = work.getAsLong();
    }

    void iterationEnd() {
        if (!measuring) return;
        cpuNanos += THREADS.getThreadCpuTime(threadId) - cpuAtStart;
        wallNanos += System.nanoTime() - wallAtStart;
        done += work.getAsLong() - workAtStart;
    }

    String report(String what) {
        if (wallNanos == 0) return "no measurement iterations";
        double cpuSeconds = cpuNanos / 1e9;
        return String.format("%s: %d in %.1f s wall, media thread busy %.0f%% (%.2f CPU-s) -> %.0f per media-thread CPU-second",
                what, done, wallNanos / 1e9, 100.0 * cpuNanos / wallNanos, cpuSeconds, done / cpuSeconds);
    }
}
