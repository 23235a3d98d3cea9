package sabaq.media.cc;

/**
 * GCC's loss-based controller (§6): over each interval of at least {@link #MIN_PACKETS} reported packets, above
 * 10 % loss the rate drops by half the loss fraction; below 2 % it may grow about 8 %/s; in between it holds (random
 * loss on mobile links is not congestion). The caller takes the minimum of this and the delay-based rate.
 */
final class LossBasedControl {
    static final int MIN_PACKETS = 20;
    private final long minBps;
    private final long maxBps;
    private long bitrateBps;
    private int lostInInterval;
    private int totalInInterval;
    private long lastChangeMs = -1;
    private double lastLossFraction;

    LossBasedControl(long startBps, long minBps, long maxBps) {
        this.bitrateBps = startBps;
        this.minBps = minBps;
        this.maxBps = maxBps;
    }

    void onPacketsReported(int lost, int total, long nowMs, long referenceBps) {
        lostInInterval += lost;
        totalInInterval += total;
        if (totalInInterval < MIN_PACKETS) return;
        double loss = (double) lostInInterval / totalInInterval;
        lastLossFraction = loss;
        lostInInterval = 0;
        totalInInterval = 0;
        long dtMs = lastChangeMs < 0 ? 0 : Math.min(nowMs - lastChangeMs, 1000);
        if (loss > 0.10) {
            bitrateBps = (long) (Math.min(bitrateBps, referenceBps) * (1 - 0.5 * loss));
        } else if (loss < 0.02) {
            bitrateBps = (long) (bitrateBps * Math.pow(1.08, dtMs / 1000.0)) + 1000;
            // Never run far ahead of the delay-based rate: the loss controller only caps.
            bitrateBps = Math.min(bitrateBps, Math.max(referenceBps * 2, minBps));
        }
        bitrateBps = Math.max(minBps, Math.min(maxBps, bitrateBps));
        lastChangeMs = nowMs;
    }

    long bitrateBps() {
        return bitrateBps;
    }

    double lastLossFraction() {
        return lastLossFraction;
    }

    void raiseTo(long bps) {
        if (bps > bitrateBps) bitrateBps = Math.min(maxBps, bps);
    }
}
