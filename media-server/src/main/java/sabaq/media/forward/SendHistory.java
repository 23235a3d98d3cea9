package sabaq.media.forward;

/**
 * What a consumer sent recently, per outgoing sequence number: the source stream, its sequence number and the
 * offsets in force, so a NACKed packet can be rebuilt from the publisher's packet cache exactly as it was sent,
 * without keeping a copy per subscriber. A ring of fixed size (power of two) of primitive arrays: no allocation.
 */
public final class SendHistory {
    private final int mask;
    private final int[] outSeq;
    private final int[] source;
    private final int[] inSeq;
    private final long[] tsOffset;
    private final int[] pictureIdOffset;
    private final int[] tl0Offset;

    public SendHistory(int size) {
        if (Integer.bitCount(size) != 1) throw new IllegalArgumentException("size must be a power of two");
        mask = size - 1;
        outSeq = new int[size];
        java.util.Arrays.fill(outSeq, -1);
        source = new int[size];
        inSeq = new int[size];
        tsOffset = new long[size];
        pictureIdOffset = new int[size];
        tl0Offset = new int[size];
    }

    public void record(int outSeqNo, int sourceId, int inSeqNo, long tsOff, int picOff, int tl0Off) {
        int i = outSeqNo & mask;
        outSeq[i] = outSeqNo & 0xFFFF;
        source[i] = sourceId;
        inSeq[i] = inSeqNo & 0xFFFF;
        tsOffset[i] = tsOff;
        pictureIdOffset[i] = picOff;
        tl0Offset[i] = tl0Off;
    }

    /** The ring index holding {@code outSeqNo}, or -1 when it was never sent or has been overwritten. */
    public int find(int outSeqNo) {
        int i = outSeqNo & mask;
        return outSeq[i] == (outSeqNo & 0xFFFF) ? i : -1;
    }

    public int source(int index) {
        return source[index];
    }

    public int inSeq(int index) {
        return inSeq[index];
    }

    public long tsOffset(int index) {
        return tsOffset[index];
    }

    public int pictureIdOffset(int index) {
        return pictureIdOffset[index];
    }

    public int tl0Offset(int index) {
        return tl0Offset[index];
    }
}
