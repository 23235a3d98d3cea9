package sabaq.recorder.media;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Puts the packets of one RTP stream back in sequence order (RFC 3550 allows reordering and loss). A packet is
 * released once every earlier one has been released; a missing packet is waited for at most {@code maxWaitNanos}
 * (time for a NACK and its retransmission, RFC 4585/4588), then declared lost and skipped. Duplicates and packets
 * older than what was already released are dropped. It also tells which sequence numbers are missing, for NACKs.
 * Not thread safe.
 */
public final class ReorderBuffer {
    /** A forward jump this large is a restart of the stream (e.g. after a pause), not loss. */
    static final long MAX_GAP = 1000;
    /** Packets held at most; beyond this the oldest gap is skipped at once. */
    static final int CAPACITY = 2048;

    /** Receives packets in order and loss notices. */
    public interface Sink {
        void onPacket(RtpPacketView p);

        /** {@code count} packets before the next released one will never come. */
        void onLoss(long count);
    }

    private final long maxWaitNanos;
    private final Sink sink;
    private final TreeMap<Long, RtpPacketView> held = new TreeMap<>();
    private long next = Long.MIN_VALUE;
    private long gapSinceNanos = Long.MIN_VALUE;
    private long duplicates;
    private long lost;

    public ReorderBuffer(long maxWaitNanos, Sink sink) {
        this.maxWaitNanos = maxWaitNanos;
        this.sink = sink;
    }

    /** Adds a packet and releases whatever is now in order. */
    public void add(RtpPacketView p, long nowNanos) {
        if (next == Long.MIN_VALUE) next = p.seq();
        if (p.seq() < next || held.containsKey(p.seq())) {
            duplicates++;
            return;
        }
        if (p.seq() - next > MAX_GAP) {
            flushAll();
            next = p.seq();
        }
        held.put(p.seq(), p);
        release(nowNanos);
        while (held.size() > CAPACITY) skipGap();
    }

    /** Called periodically: skips gaps that waited too long. */
    public void poll(long nowNanos) {
        release(nowNanos);
    }

    private void release(long nowNanos) {
        while (!held.isEmpty()) {
            RtpPacketView first = held.firstEntry().getValue();
            if (first.seq() == next) {
                held.pollFirstEntry();
                next++;
                gapSinceNanos = Long.MIN_VALUE;
                sink.onPacket(first);
                continue;
            }
            if (gapSinceNanos == Long.MIN_VALUE) gapSinceNanos = nowNanos;
            if (nowNanos - gapSinceNanos < maxWaitNanos) return;
            skipGap();
        }
    }

    private void skipGap() {
        long firstHeld = held.firstKey();
        long missing = firstHeld - next;
        lost += missing;
        next = firstHeld;
        gapSinceNanos = Long.MIN_VALUE;
        sink.onLoss(missing);
    }

    private void flushAll() {
        while (!held.isEmpty()) {
            RtpPacketView p = held.pollFirstEntry().getValue();
            if (p.seq() != next) {
                lost += p.seq() - next;
                sink.onLoss(p.seq() - next);
            }
            next = p.seq() + 1;
            sink.onPacket(p);
        }
    }

    /** Sequence numbers (extended) missing now, oldest first, at most {@code max}. */
    public List<Long> missing(int max) {
        List<Long> out = new ArrayList<>();
        if (held.isEmpty()) return out;
        long s = next;
        for (Long have : held.keySet()) {
            while (s < have && out.size() < max) out.add(s++);
            s = have + 1;
            if (out.size() >= max) break;
        }
        return out;
    }

    public int held() {
        return held.size();
    }

    public long duplicates() {
        return duplicates;
    }

    public long lost() {
        return lost;
    }
}
