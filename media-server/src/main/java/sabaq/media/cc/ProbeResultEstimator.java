package sabaq.media.cc;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Measures what a probe cluster got through: the send rate over its send span and the receive rate over its
 * arrival span (GCC probing, as in libwebrtc's ProbeBitrateEstimator). If the receiver got clearly less than we sent,
 * the path is the limit and the estimate is a little under the receive rate; otherwise the probe rate is reachable.
 */
final class ProbeResultEstimator {
    static final int MIN_PACKETS = 4;
    private static final long MAX_AGE_MICROS = 2_000_000;
    private final Map<Integer, Cluster> clusters = new HashMap<>();

    private static final class Cluster {
        int received;
        long bytes;
        long firstSend = Long.MAX_VALUE, lastSend = Long.MIN_VALUE;
        long firstArrival = Long.MAX_VALUE, lastArrival = Long.MIN_VALUE;
        int firstArrivalSize, lastSendSize;
        long createdMicros;
        boolean done;
    }

    /** Feeds one received probe packet; returns the cluster's result in bps once it has enough packets, else -1. */
    long onProbePacket(int clusterId, long sendMicros, long arrivalMicros, int size, long nowMicros) {
        expire(nowMicros);
        Cluster c = clusters.computeIfAbsent(clusterId, k -> {
            Cluster n = new Cluster();
            n.createdMicros = nowMicros;
            return n;
        });
        if (c.done) return -1;
        c.received++;
        c.bytes += size;
        if (sendMicros < c.firstSend) c.firstSend = sendMicros;
        if (sendMicros > c.lastSend) {
            c.lastSend = sendMicros;
            c.lastSendSize = size;
        }
        if (arrivalMicros < c.firstArrival) {
            c.firstArrival = arrivalMicros;
            c.firstArrivalSize = size;
        }
        if (arrivalMicros > c.lastArrival) c.lastArrival = arrivalMicros;
        if (c.received < MIN_PACKETS) return -1;
        long sendSpan = c.lastSend - c.firstSend;
        long recvSpan = c.lastArrival - c.firstArrival;
        if (sendSpan < 1000 || recvSpan < 1000) return -1;
        double sendRate = (c.bytes - c.lastSendSize) * 8e6 / sendSpan;
        double recvRate = (c.bytes - c.firstArrivalSize) * 8e6 / recvSpan;
        c.done = true;
        double result = recvRate < 0.9 * sendRate ? 0.95 * recvRate : Math.min(sendRate, recvRate);
        return (long) result;
    }

    private void expire(long nowMicros) {
        for (Iterator<Cluster> it = clusters.values().iterator(); it.hasNext(); ) {
            if (nowMicros - it.next().createdMicros > MAX_AGE_MICROS) it.remove();
        }
    }
}
