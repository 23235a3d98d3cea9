package sabaq.recorder.footprint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A set of half-open time intervals {@code [start, end)} in epoch ms, built from on/off events: {@link #open} at an
 * "on", {@link #close} at an "off" (a second "on" while open, or an "off" while closed, changes nothing).
 */
final class Intervals {
    private final List<long[]> spans = new ArrayList<>();
    private long openSince = -1;

    boolean isOpen() {
        return openSince >= 0;
    }

    void open(long t) {
        if (openSince < 0) openSince = t;
    }

    void close(long t) {
        if (openSince < 0) return;
        if (t > openSince) spans.add(new long[] {openSince, t});
        openSince = -1;
    }

    /** Closes an open interval at {@code t} (the end of the lesson or of what is known). */
    Intervals closedAt(long t) {
        Intervals out = new Intervals();
        out.spans.addAll(spans);
        if (openSince >= 0 && t > openSince) out.spans.add(new long[] {openSince, t});
        return out.normalised();
    }

    private Intervals normalised() {
        spans.sort(Comparator.comparingLong(a -> a[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] s : spans) {
            if (!merged.isEmpty() && s[0] <= merged.get(merged.size() - 1)[1]) {
                long[] last = merged.get(merged.size() - 1);
                last[1] = Math.max(last[1], s[1]);
            } else {
                merged.add(new long[] {s[0], s[1]});
            }
        }
        spans.clear();
        spans.addAll(merged);
        return this;
    }

    /** The parts inside {@code other} (both closed and normalised). */
    Intervals intersect(Intervals other) {
        Intervals out = new Intervals();
        int i = 0;
        int j = 0;
        while (i < spans.size() && j < other.spans.size()) {
            long[] a = spans.get(i);
            long[] b = other.spans.get(j);
            long s = Math.max(a[0], b[0]);
            long e = Math.min(a[1], b[1]);
            if (e > s) out.spans.add(new long[] {s, e});
            if (a[1] < b[1]) {
                i++;
            } else {
                j++;
            }
        }
        return out;
    }

    /** The parts inside {@code [from, to)}. */
    Intervals clip(long from, long to) {
        Intervals window = new Intervals();
        if (to > from) window.spans.add(new long[] {from, to});
        return intersect(window);
    }

    /** The intervals, sorted and merged once {@link #closedAt} made them. */
    List<long[]> spans() {
        return spans;
    }

    long totalMs() {
        long sum = 0;
        for (long[] s : spans) sum += s[1] - s[0];
        return sum;
    }

    /** The start of the first interval, or -1. */
    long first() {
        return spans.isEmpty() ? -1 : spans.get(0)[0];
    }
}
