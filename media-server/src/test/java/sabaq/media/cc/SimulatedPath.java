package sabaq.media.cc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A one-way bottleneck for estimator tests: a FIFO drained at {@code capacityBps} (changeable), a fixed propagation
 * delay, a queue limit (tail drop) and random loss. Time is simulated in microseconds by the test.
 */
final class SimulatedPath {
    record Arrival(int seq, long arrivalMicros) {
    }

    private final long delayMicros;
    private final int queueLimitBytes;
    private final double lossRate;
    private final Random random;
    private long capacityBps;
    private long linkFreeAtMicros;
    private int queuedBytes;
    private final ArrayDeque<long[]> inFlight = new ArrayDeque<>(); // {seq, arrival, size, departure}
    private final List<int[]> lost = new ArrayList<>();

    SimulatedPath(long capacityBps, long delayMs, int queueLimitBytes, double lossRate, long seed) {
        this.capacityBps = capacityBps;
        this.delayMicros = delayMs * 1000;
        this.queueLimitBytes = queueLimitBytes;
        this.lossRate = lossRate;
        this.random = new Random(seed);
    }

    void setCapacity(long bps) {
        capacityBps = bps;
    }

    /** Sends a packet at {@code nowMicros}; returns false if it was dropped (queue full or random loss). */
    boolean send(int seq, int size, long nowMicros) {
        drainQueueAccounting(nowMicros);
        if (queuedBytes + size > queueLimitBytes || random.nextDouble() < lossRate) {
            lost.add(new int[]{seq});
            return false;
        }
        long start = Math.max(nowMicros, linkFreeAtMicros);
        long txMicros = size * 8L * 1_000_000L / capacityBps;
        linkFreeAtMicros = start + txMicros;
        queuedBytes += size;
        inFlight.add(new long[]{seq, linkFreeAtMicros + delayMicros, size, linkFreeAtMicros});
        return true;
    }

    private void drainQueueAccounting(long nowMicros) {
        for (long[] p : inFlight) {
            if (p[3] <= nowMicros && p[2] > 0) {
                queuedBytes -= (int) p[2];
                p[2] = -p[2];
            }
        }
    }

    /** Packets that have arrived by {@code nowMicros}, in arrival order; removed from the path. */
    List<Arrival> arrivedBy(long nowMicros) {
        drainQueueAccounting(nowMicros);
        List<Arrival> out = new ArrayList<>();
        while (!inFlight.isEmpty() && inFlight.peek()[1] <= nowMicros) {
            long[] p = inFlight.poll();
            out.add(new Arrival((int) p[0], p[1]));
        }
        return out;
    }

    /** Sequence numbers dropped since the last call. */
    List<Integer> takeLost() {
        List<Integer> out = new ArrayList<>();
        for (int[] l : lost) out.add(l[0]);
        lost.clear();
        return out;
    }
}
