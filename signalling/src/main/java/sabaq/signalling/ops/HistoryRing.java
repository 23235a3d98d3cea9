package sabaq.signalling.ops;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last N {@link HistoryPoint}s for the charts of the operations page. Thread safe. */
final class HistoryRing {
    private final int capacity;
    private final Deque<HistoryPoint> points = new ArrayDeque<>();

    HistoryRing(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(HistoryPoint p) {
        points.addLast(p);
        while (points.size() > capacity) points.removeFirst();
    }

    synchronized List<HistoryPoint> points() {
        return new ArrayList<>(points);
    }

    /** The chart figures of a sample; the network rate leaves out loopback interfaces. */
    static HistoryPoint point(OpsSnapshot s) {
        double rx = 0;
        double tx = 0;
        for (NetworkRate r : s.networkRates()) {
            if (r.name().equals("lo") || r.name().startsWith("lo0")) continue;
            rx += r.rxBps();
            tx += r.txBps();
        }
        double memoryUsed = 1 - s.host().memoryFreeRatio();
        return new HistoryPoint(s.sampledAtMillis(), s.host().systemCpu(), s.host().processCpu(), memoryUsed,
                s.host().heapUsedRatio(), rx, tx, s.participants(), s.lessons().size());
    }
}
