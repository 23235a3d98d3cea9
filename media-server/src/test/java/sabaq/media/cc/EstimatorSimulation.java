package sabaq.media.cc;

import sabaq.media.rtcp.TransportCcFeedback;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Drives a {@link SendSideBandwidthEstimator} against a {@link SimulatedPath} the way the SFU does: media paced at
 * min(estimate, what the source offers), probe clusters when the {@link ProbeController} asks, transport-cc feedback
 * every 100 ms built from what arrived (and what was lost).
 */
final class EstimatorSimulation {
    static final int PACKET = 1200;
    final SimulatedPath path;
    final SendSideBandwidthEstimator bwe;
    final ProbeController probes;
    long demandBps;
    long nowMicros;
    private int seq;
    private double creditBits;
    private long lastFeedbackMicros;
    private final TreeMap<Integer, Long> pendingReport = new TreeMap<>(); // seq -> arrival or MIN (lost)
    private final List<long[]> probeQueue = new ArrayList<>(); // {sendAt, cluster}
    private int feedbackCount;

    EstimatorSimulation(SimulatedPath path, long startBps, long demandBps) {
        this.path = path;
        this.bwe = new SendSideBandwidthEstimator(startBps, 50_000, 5_000_000);
        this.probes = new ProbeController(5_000_000, 2000);
        this.demandBps = demandBps;
    }

    /** Runs the simulation for {@code ms} milliseconds in 1 ms steps. */
    void run(long ms) {
        long end = nowMicros + ms * 1000;
        while (nowMicros < end) {
            step();
            nowMicros += 1000;
        }
    }

    private void step() {
        long rate = Math.min(bwe.estimateBps(), demandBps);
        creditBits += rate / 1000.0;
        while (creditBits >= PACKET * 8) {
            creditBits -= PACKET * 8;
            send(-1);
        }
        long target = probes.maybeProbe(bwe.estimateBps(), demandBps, bwe.usage(), nowMicros / 1000);
        if (target > 0) {
            int cluster = probes.nextClusterId();
            long spacing = PACKET * 8L * 1_000_000L / target;
            for (int i = 0; i < 6; i++) probeQueue.add(new long[]{nowMicros + i * spacing, cluster});
        }
        for (var it = probeQueue.iterator(); it.hasNext(); ) {
            long[] p = it.next();
            if (p[0] <= nowMicros) {
                send((int) p[1]);
                it.remove();
            }
        }
        for (SimulatedPath.Arrival a : path.arrivedBy(nowMicros)) pendingReport.put(a.seq(), a.arrivalMicros());
        for (int lostSeq : path.takeLost()) pendingReport.put(lostSeq, Long.MIN_VALUE);
        if (nowMicros - lastFeedbackMicros >= 100_000 && !pendingReport.isEmpty()) {
            lastFeedbackMicros = nowMicros;
            feedback();
        }
    }

    private void send(int cluster) {
        int s = seq++ & 0xFFFF;
        bwe.onPacketSent(s, PACKET, nowMicros, cluster);
        path.send(s, PACKET, nowMicros);
    }

    private void feedback() {
        int base = pendingReport.firstKey();
        int last = pendingReport.lastKey();
        int count = last - base + 1;
        int[] seqs = new int[count];
        boolean[] received = new boolean[count];
        int[] deltas = new int[count];
        long ref = -1;
        long prev = 0;
        for (int i = 0; i < count; i++) {
            seqs[i] = (base + i) & 0xFFFF;
            Long arr = pendingReport.get(base + i);
            if (arr == null || arr == Long.MIN_VALUE) continue;
            if (ref < 0) {
                ref = (arr / 64_000) * 64_000;
                prev = ref;
            }
            received[i] = true;
            deltas[i] = (int) (arr - prev);
            prev = arr;
        }
        pendingReport.clear();
        if (ref < 0) ref = 0;
        bwe.onFeedback(new TransportCcFeedback(1, 2, base & 0xFFFF, (int) (ref / 64_000), feedbackCount++ & 0xFF,
                seqs, received, deltas), nowMicros);
    }
}
