package sabaq.media.forward;

/**
 * The last N packets of one incoming stream by sequence number (decrypted, as the publisher sent them), to answer
 * NACKs and rebuild retransmissions. Each slot owns a buffer that is reused, so caching costs a copy and no
 * allocation once warm.
 */
public final class PacketCache {
    private final int mask;
    private final int[] seq;
    private final int[] length;
    private final long[] storedNanos;
    private final byte[][] data;

    public PacketCache(int size) {
        if (Integer.bitCount(size) != 1) throw new IllegalArgumentException("size must be a power of two");
        mask = size - 1;
        seq = new int[size];
        java.util.Arrays.fill(seq, -1);
        length = new int[size];
        storedNanos = new long[size];
        data = new byte[size][];
    }

    /** Copies the packet into the slot of its sequence number. */
    public void put(int seqNo, byte[] buf, int off, int len, long nowNanos) {
        int i = seqNo & mask;
        byte[] slot = data[i];
        if (slot == null || slot.length < len) {
            slot = new byte[Math.max(len, 1500)];
            data[i] = slot;
        }
        System.arraycopy(buf, off, slot, 0, len);
        seq[i] = seqNo & 0xFFFF;
        length[i] = len;
        storedNanos[i] = nowNanos;
    }

    /** Slot index of {@code seqNo}, or -1 when not cached. */
    public int find(int seqNo) {
        int i = seqNo & mask;
        return seq[i] == (seqNo & 0xFFFF) ? i : -1;
    }

    public boolean contains(int seqNo) {
        return find(seqNo) >= 0;
    }

    public byte[] data(int index) {
        return data[index];
    }

    public int length(int index) {
        return length[index];
    }

    public long storedNanos(int index) {
        return storedNanos[index];
    }
}
