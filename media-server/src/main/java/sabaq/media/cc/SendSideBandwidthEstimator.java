package sabaq.media.cc;

import sabaq.media.rtcp.TransportCcFeedback;

import java.util.Arrays;

/**
 * Bandwidth estimate toward one subscriber from the transport-cc feedback it sends (GCC): delay-based
 * (inter-arrival groups → trendline → overuse detector → AIMD bounded by acknowledged throughput), loss-based, and
 * probe results; the estimate is the smaller of the delay- and loss-based rates. Media thread only; time is passed in.
 */
public final class SendSideBandwidthEstimator {
    private final SentPacketHistory history = new SentPacketHistory();
    private final InterArrivalDelay delay = new InterArrivalDelay();
    private final AimdRateControl aimd;
    private final LossBasedControl loss;
    private final AcknowledgedBitrate acked = new AcknowledgedBitrate();
    private final ProbeResultEstimator probes = new ProbeResultEstimator();
    private long feedbacks;
    private long lastProbeResultBps = -1;

    // Scratch arrays reused per feedback (feedback holds at most a few hundred packets).
    private long[] sendTimes = new long[256];
    private long[] arrivalTimes = new long[256];
    private int[] sizes = new int[256];
    private int[] clusters = new int[256];
    private Integer[] order = new Integer[256];

    public SendSideBandwidthEstimator(long startBps, long minBps, long maxBps) {
        this.aimd = new AimdRateControl(startBps, minBps, maxBps);
        this.loss = new LossBasedControl(startBps, minBps, maxBps);
    }

    /** Records a packet handed to the socket; {@code probeCluster} is -1 for media. */
    public void onPacketSent(int transportSeq, int size, long nowMicros, int probeCluster) {
        history.onSent(transportSeq, nowMicros, size, probeCluster);
    }

    /** Applies one transport-cc feedback packet from the subscriber. */
    public void onFeedback(TransportCcFeedback fb, long nowMicros) {
        feedbacks++;
        long nowMs = nowMicros / 1000;
        long[] arrivals = fb.arrivalTimesMicros();
        int n = 0;
        int lost = 0;
        int total = 0;
        ensureCapacity(arrivals.length);
        for (int i = 0; i < arrivals.length; i++) {
            int idx = history.find(fb.sequenceNumbers()[i]);
            if (idx < 0) continue;
            total++;
            if (arrivals[i] == Long.MIN_VALUE) {
                lost++;
                continue;
            }
            sendTimes[n] = history.sendMicros(idx);
            arrivalTimes[n] = arrivals[i];
            sizes[n] = history.bytes(idx);
            clusters[n] = history.probeCluster(idx);
            order[n] = n;
            n++;
            history.forget(idx);
        }
        final long[] st = sendTimes;
        Arrays.sort(order, 0, n, (a, b) -> Long.compare(st[a], st[b]));
        BandwidthUsage usage = delay.usage();
        for (int k = 0; k < n; k++) {
            int i = order[k];
            acked.onReceived(arrivalTimes[i], sizes[i]);
            usage = delay.onPacket(sendTimes[i], arrivalTimes[i], nowMs);
            if (clusters[i] != SentPacketHistory.NOT_A_PROBE) {
                long result = probes.onProbePacket(clusters[i], sendTimes[i], arrivalTimes[i], sizes[i], nowMicros);
                if (result > 0) {
                    lastProbeResultBps = result;
                    aimd.raiseTo(result);
                    loss.raiseTo(result);
                }
            }
        }
        long ackedBps = acked.bitrateBps();
        aimd.update(usage, ackedBps, nowMs);
        if (total > 0) loss.onPacketsReported(lost, total, nowMs, aimd.bitrateBps());
    }

    private void ensureCapacity(int n) {
        if (sendTimes.length >= n) return;
        sendTimes = new long[n];
        arrivalTimes = new long[n];
        sizes = new int[n];
        clusters = new int[n];
        order = new Integer[n];
    }

    /** The current estimate in bits per second. */
    public long estimateBps() {
        return Math.min(aimd.bitrateBps(), loss.bitrateBps());
    }

    public BandwidthUsage usage() {
        return delay.usage();
    }

    public double lossFraction() {
        return loss.lastLossFraction();
    }

    public long acknowledgedBps() {
        return acked.bitrateBps();
    }

    public long feedbackCount() {
        return feedbacks;
    }

    public long lastProbeResultBps() {
        return lastProbeResultBps;
    }
}
