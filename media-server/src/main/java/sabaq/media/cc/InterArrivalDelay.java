package sabaq.media.cc;

/**
 * Groups packets into bursts (sent within {@link #BURST_MICROS} of the group's first packet, GCC §5.2) and feeds
 * the delay variation between consecutive groups — arrival spacing minus send spacing — to the trendline filter
 * and the overuse detector.
 */
final class InterArrivalDelay {
    static final long BURST_MICROS = 5_000;
    private final TrendlineEstimator trendline = new TrendlineEstimator(20);
    private final OveruseDetector detector = new OveruseDetector();
    private long groupFirstSend = Long.MIN_VALUE;
    private long groupLastSend;
    private long groupLastArrival;
    private long prevLastSend = Long.MIN_VALUE;
    private long prevLastArrival;
    private BandwidthUsage usage = BandwidthUsage.NORMAL;

    /** Feeds one received packet (in send order); returns the current usage state. */
    BandwidthUsage onPacket(long sendMicros, long arrivalMicros, long nowMs) {
        if (groupFirstSend == Long.MIN_VALUE) {
            startGroup(sendMicros, arrivalMicros);
            return usage;
        }
        if (sendMicros < groupFirstSend) {
            return usage; // reordered from an older group: ignore, as GCC does
        }
        if (sendMicros - groupFirstSend <= BURST_MICROS) {
            groupLastSend = Math.max(groupLastSend, sendMicros);
            groupLastArrival = Math.max(groupLastArrival, arrivalMicros);
            return usage;
        }
        if (prevLastSend != Long.MIN_VALUE) {
            double sendDeltaMs = (groupLastSend - prevLastSend) / 1000.0;
            double recvDeltaMs = (groupLastArrival - prevLastArrival) / 1000.0;
            trendline.update(recvDeltaMs, sendDeltaMs, groupLastArrival / 1000.0);
            usage = detector.detect(trendline.modifiedTrend(), sendDeltaMs, trendline.numDeltas(), nowMs);
        }
        prevLastSend = groupLastSend;
        prevLastArrival = groupLastArrival;
        startGroup(sendMicros, arrivalMicros);
        return usage;
    }

    private void startGroup(long sendMicros, long arrivalMicros) {
        groupFirstSend = sendMicros;
        groupLastSend = sendMicros;
        groupLastArrival = arrivalMicros;
    }

    BandwidthUsage usage() {
        return usage;
    }

    double threshold() {
        return detector.threshold();
    }
}
