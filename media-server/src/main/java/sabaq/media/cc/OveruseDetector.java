package sabaq.media.cc;

/**
 * GCC's overuse detector (draft-ietf-rmcat-gcc-02 §5.4): compares the modified trend with an adaptive threshold.
 * Overuse needs the trend above the threshold for more than 10 ms and two updates, and not falling; the threshold
 * follows the trend slowly upward and quickly downward, so the detector neither starves against TCP flows nor
 * reacts to noise.
 */
final class OveruseDetector {
    private static final double K_UP = 0.0087;
    private static final double K_DOWN = 0.039;
    private static final double OVERUSE_TIME_MS = 10;
    private static final double MAX_ADAPT_OFFSET_MS = 15;
    private double threshold = 12.5;
    private long lastUpdateMs = -1;
    private double timeOverUsing = -1;
    private int overuseCounter;
    private double prevTrend;
    private BandwidthUsage state = BandwidthUsage.NORMAL;

    BandwidthUsage detect(double trend, double groupSendDeltaMs, int numDeltas, long nowMs) {
        if (numDeltas < 2) return BandwidthUsage.NORMAL;
        if (trend > threshold) {
            timeOverUsing = timeOverUsing < 0 ? groupSendDeltaMs / 2 : timeOverUsing + groupSendDeltaMs;
            overuseCounter++;
            if (timeOverUsing > OVERUSE_TIME_MS && overuseCounter > 1 && trend >= prevTrend) {
                timeOverUsing = 0;
                overuseCounter = 0;
                state = BandwidthUsage.OVERUSING;
            }
        } else if (trend < -threshold) {
            timeOverUsing = -1;
            overuseCounter = 0;
            state = BandwidthUsage.UNDERUSING;
        } else {
            timeOverUsing = -1;
            overuseCounter = 0;
            state = BandwidthUsage.NORMAL;
        }
        prevTrend = trend;
        adaptThreshold(trend, nowMs);
        return state;
    }

    private void adaptThreshold(double trend, long nowMs) {
        if (lastUpdateMs < 0) lastUpdateMs = nowMs;
        double abs = Math.abs(trend);
        if (abs > threshold + MAX_ADAPT_OFFSET_MS) {
            lastUpdateMs = nowMs;
            return;
        }
        double k = abs < threshold ? K_DOWN : K_UP;
        long dt = Math.min(nowMs - lastUpdateMs, 100);
        threshold += k * (abs - threshold) * dt;
        threshold = Math.max(6, Math.min(600, threshold));
        lastUpdateMs = nowMs;
    }

    BandwidthUsage state() {
        return state;
    }

    double threshold() {
        return threshold;
    }
}
