package sabaq.media.cc;

/**
 * GCC's delay-based rate controller (§5.5): increase multiplicatively (about 8 %/s) while the path is normal, but
 * never above 1.5 × what is actually acknowledged plus 10 kbit/s (so only probing finds headroom); on overuse drop
 * to 0.85 × the acknowledged rate; hold on underuse so queues drain.
 */
final class AimdRateControl {
    private static final double BETA = 0.85;
    private enum State { HOLD, INCREASE, DECREASE }

    private final long minBps;
    private final long maxBps;
    private long bitrateBps;
    private State state = State.INCREASE;
    private long lastUpdateMs = -1;
    private long lastDecreaseMs = Long.MIN_VALUE;

    AimdRateControl(long startBps, long minBps, long maxBps) {
        this.minBps = minBps;
        this.maxBps = maxBps;
        this.bitrateBps = startBps;
    }

    long update(BandwidthUsage usage, long ackedBps, long nowMs) {
        switch (usage) {
            case OVERUSING:
                state = State.DECREASE;
                break;
            case UNDERUSING:
                state = State.HOLD;
                break;
            default:
                if (state == State.HOLD || state == State.DECREASE) state = State.INCREASE;
        }
        long dtMs = lastUpdateMs < 0 ? 0 : Math.min(nowMs - lastUpdateMs, 1000);
        lastUpdateMs = nowMs;
        if (state == State.INCREASE) {
            double factor = Math.pow(1.08, dtMs / 1000.0);
            long increased = (long) (bitrateBps * factor) + (dtMs > 0 ? 1000 : 0);
            if (ackedBps > 0) {
                long cap = (long) (1.5 * ackedBps) + 10_000;
                increased = Math.min(increased, Math.max(bitrateBps, cap));
            }
            bitrateBps = increased;
        } else if (state == State.DECREASE) {
            if (nowMs - lastDecreaseMs >= 200 || lastDecreaseMs == Long.MIN_VALUE) {
                long target = ackedBps > 0 ? (long) (BETA * ackedBps) : (long) (BETA * bitrateBps);
                bitrateBps = Math.min(bitrateBps, target);
                lastDecreaseMs = nowMs;
            }
            state = State.HOLD;
        }
        bitrateBps = clamp(bitrateBps);
        return bitrateBps;
    }

    /** A probe measured more headroom than we assumed: jump there (never down). */
    void raiseTo(long bps) {
        if (bps > bitrateBps) bitrateBps = clamp(bps);
    }

    long bitrateBps() {
        return bitrateBps;
    }

    private long clamp(long v) {
        return Math.max(minBps, Math.min(maxBps, v));
    }
}
