package sabaq.media.cc;

/**
 * Packets sent to one subscriber by transport-wide sequence number: send time, size and probe cluster, kept in a
 * ring so that transport-cc feedback can be matched to them. No allocation per packet.
 */
final class SentPacketHistory {
    static final int NOT_A_PROBE = -1;
    private static final int SIZE = 8192;
    private static final int MASK = SIZE - 1;
    private final int[] seq = new int[SIZE];
    private final long[] sendMicros = new long[SIZE];
    private final int[] bytes = new int[SIZE];
    private final int[] probeCluster = new int[SIZE];

    SentPacketHistory() {
        java.util.Arrays.fill(seq, -1);
    }

    void onSent(int transportSeq, long sendTimeMicros, int size, int cluster) {
        int i = transportSeq & MASK;
        seq[i] = transportSeq & 0xFFFF;
        sendMicros[i] = sendTimeMicros;
        bytes[i] = size;
        probeCluster[i] = cluster;
    }

    /** Ring index of the packet, or -1 if unknown or overwritten. */
    int find(int transportSeq) {
        int i = transportSeq & MASK;
        return seq[i] == (transportSeq & 0xFFFF) ? i : -1;
    }

    long sendMicros(int index) {
        return sendMicros[index];
    }

    int bytes(int index) {
        return bytes[index];
    }

    int probeCluster(int index) {
        return probeCluster[index];
    }

    /** Forgets a packet once reported, so a duplicate report is not counted twice. */
    void forget(int index) {
        seq[index] = -1;
    }
}
