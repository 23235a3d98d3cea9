package sabaq.media.cc;

/**
 * Trendline filter of GCC's delay-based estimator: accumulates the one-way delay variation of packet groups,
 * smooths it, and fits a line through the last {@code windowSize} points (arrival time, smoothed delay); the slope,
 * scaled by the number of deltas and a gain, is the "modified trend" the overuse detector compares with its
 * threshold.
 */
final class TrendlineEstimator {
    private static final double SMOOTHING = 0.9;
    private static final double GAIN = 4.0;
    private static final int MAX_DELTAS = 60;
    private final int windowSize;
    private final double[] xs;
    private final double[] ys;
    private int count;
    private int head;
    private double firstArrivalMs = -1;
    private double accumulatedDelay;
    private double smoothedDelay;
    private int numDeltas;
    private double trend;

    TrendlineEstimator(int windowSize) {
        this.windowSize = windowSize;
        this.xs = new double[windowSize];
        this.ys = new double[windowSize];
    }

    void update(double recvDeltaMs, double sendDeltaMs, double arrivalTimeMs) {
        double delta = recvDeltaMs - sendDeltaMs;
        if (numDeltas < 1000) numDeltas++;
        if (firstArrivalMs < 0) firstArrivalMs = arrivalTimeMs;
        accumulatedDelay += delta;
        smoothedDelay = SMOOTHING * smoothedDelay + (1 - SMOOTHING) * accumulatedDelay;
        xs[head] = arrivalTimeMs - firstArrivalMs;
        ys[head] = smoothedDelay;
        head = (head + 1) % windowSize;
        if (count < windowSize) count++;
        if (count == windowSize) {
            double slope = slope();
            if (!Double.isNaN(slope)) trend = slope;
        }
    }

    private double slope() {
        double sx = 0, sy = 0;
        for (int i = 0; i < count; i++) {
            sx += xs[i];
            sy += ys[i];
        }
        double mx = sx / count, my = sy / count;
        double num = 0, den = 0;
        for (int i = 0; i < count; i++) {
            num += (xs[i] - mx) * (ys[i] - my);
            den += (xs[i] - mx) * (xs[i] - mx);
        }
        return den == 0 ? Double.NaN : num / den;
    }

    /** The trend as the detector sees it: slope × min(deltas, 60) × gain. */
    double modifiedTrend() {
        return Math.min(numDeltas, MAX_DELTAS) * trend * GAIN;
    }

    int numDeltas() {
        return numDeltas;
    }
}
