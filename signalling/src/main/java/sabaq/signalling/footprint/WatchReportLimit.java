package sabaq.signalling.footprint;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many recording-watched reports one viewer (one join link) may send: at most {@code perMinute} in any fixed
 * one-minute window. Time comes from the caller (monotonic nanoseconds). Thread safe; the table of viewers is
 * bounded: windows that have passed are dropped when it grows beyond {@code maxViewers}, and when every window is
 * still current, new viewers are refused until one passes (a flood of links cannot grow memory without bound).
 */
public final class WatchReportLimit {
    private static final long WINDOW_NANOS = 60_000_000_000L;

    private final int perMinute;
    private final int maxViewers;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(long startNanos, int count) {
    }

    public WatchReportLimit(int perMinute, int maxViewers) {
        if (perMinute < 1 || maxViewers < 1) throw new IllegalArgumentException("limits must be positive");
        this.perMinute = perMinute;
        this.maxViewers = maxViewers;
    }

    /** Counts one report of {@code viewer}; false when it is over the limit. */
    public boolean tryTake(String viewer, long nowNanos) {
        if (!windows.containsKey(viewer) && windows.size() >= maxViewers) {
            windows.values().removeIf(w -> nowNanos - w.startNanos() >= WINDOW_NANOS);
            if (windows.size() >= maxViewers) return false;
        }
        boolean[] taken = {false};
        windows.compute(viewer, (k, w) -> {
            if (w == null || nowNanos - w.startNanos() >= WINDOW_NANOS) {
                taken[0] = true;
                return new Window(nowNanos, 1);
            }
            if (w.count() >= perMinute) return w;
            taken[0] = true;
            return new Window(w.startNanos(), w.count() + 1);
        });
        return taken[0];
    }
}
