package sabaq.media.cc;

/**
 * Decides when to send a probe cluster toward a subscriber and at what rate: at start (3× the start rate), and
 * whenever the allocator wants more than the estimate allows and the path is not overused — at most every
 * {@code intervalMs}, sooner again after a probe that raised the estimate.
 */
public final class ProbeController {
    private final long maxBps;
    private final long intervalMs;
    private long nextProbeAtMs = Long.MIN_VALUE;
    private long lastEstimateAtProbe = -1;
    private int nextClusterId;
    private long probesSent;

    public ProbeController(long maxBps, long intervalMs) {
        this.maxBps = maxBps;
        this.intervalMs = intervalMs;
    }

    /** Returns the rate to probe at now, or -1 for no probe. */
    public long maybeProbe(long estimateBps, long desiredBps, BandwidthUsage usage, long nowMs) {
        if (usage == BandwidthUsage.OVERUSING) {
            nextProbeAtMs = nowMs + intervalMs;
            return -1;
        }
        if (desiredBps <= estimateBps * 1.05 || nowMs < nextProbeAtMs) return -1;
        boolean lastHelped = lastEstimateAtProbe > 0 && estimateBps > lastEstimateAtProbe * 1.1;
        // Start with an exponential probe (3×), as a new subscriber's estimate starts low on purpose.
        long factor = probesSent == 0 ? 3 : 2;
        probesSent++;
        long target = Math.min(Math.max(estimateBps * factor, estimateBps + 300_000), (long) (desiredBps * 1.25));
        target = Math.min(target, maxBps);
        if (target <= estimateBps) return -1;
        lastEstimateAtProbe = estimateBps;
        nextProbeAtMs = nowMs + (lastHelped ? intervalMs / 3 : intervalMs);
        return target;
    }

    public int nextClusterId() {
        nextClusterId = (nextClusterId + 1) & 0x7FFFFFFF;
        return nextClusterId;
    }
}
