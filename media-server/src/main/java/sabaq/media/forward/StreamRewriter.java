package sabaq.media.forward;

/**
 * Maps the sequence numbers, timestamps and VP8 picture ids of one or more incoming streams (simulcast layers)
 * onto a single outgoing stream for one subscriber, so that the subscriber sees one continuous RTP stream
 * (RFC 3550 §5.1, RFC 7741 §4.2) even when the source changes at a keyframe.
 *
 * <p>Within one source the mapping is an offset ({@code out = in + offset} modulo 2^16 / 2^32), so reordering and
 * retransmissions map onto the same outgoing numbers. When the source changes, new offsets make the first packet of
 * the new source follow the last packet sent. Packets of the current source older than the switch point are refused:
 * their outgoing numbers would collide with the previous source's.
 *
 * <p>Not thread safe: owned by one consumer on the media thread.
 */
public final class StreamRewriter {
    private static final int NO_SOURCE = -1;

    private int sourceId = NO_SOURCE;
    // Highest sequence number accepted from the current source, and how many packets past the switch point it is
    // (extended, so it does not wrap): packets before the switch point have a negative index.
    private int highestInSeq;
    private long highestInIndex;
    private int seqOffset;
    private long tsOffset;
    private int pictureIdOffset;
    private int tl0Offset;

    private boolean sentAny;
    private int highestOutSeq;
    private long highestOutTs;
    private long lastSentNanos;
    private int highestOutPictureId = -1;
    private int highestOutTl0 = -1;

    // Results of the last accepted packet.
    private int outSeq;
    private long outTs;

    private final int initialSeq;
    private final long initialTs;

    /** @param initialSeq random 16-bit start (RFC 3550: random initial values) @param initialTs random 32-bit start */
    public StreamRewriter(int initialSeq, long initialTs) {
        this.initialSeq = initialSeq & 0xFFFF;
        this.initialTs = initialTs & 0xFFFFFFFFL;
    }

    /** Stops forwarding the current source (video paused); the next {@link #switchTo} continues the numbering. */
    public void detach() {
        sourceId = NO_SOURCE;
    }

    public int currentSource() {
        return sourceId;
    }

    /**
     * Switches to {@code newSource}, whose first packet to forward is {@code inSeq}/{@code inTs}. Call only at a
     * packet the decoder can start from (a keyframe, or any audio packet).
     */
    public void switchTo(int newSource, int inSeq, long inTs, int inPictureId, int inTl0, long nowNanos, int clockRate) {
        int nextSeq;
        long nextTs;
        if (!sentAny) {
            nextSeq = initialSeq;
            nextTs = initialTs;
        } else {
            nextSeq = (highestOutSeq + 1) & 0xFFFF;
            long elapsedTicks = Math.max(1, (nowNanos - lastSentNanos) * (long) clockRate / 1_000_000_000L);
            nextTs = (highestOutTs + elapsedTicks) & 0xFFFFFFFFL;
        }
        sourceId = newSource;
        highestInSeq = inSeq & 0xFFFF;
        highestInIndex = 0;
        seqOffset = (nextSeq - inSeq) & 0xFFFF;
        tsOffset = (nextTs - inTs) & 0xFFFFFFFFL;
        if (inPictureId >= 0) {
            int nextPic = highestOutPictureId < 0 ? inPictureId : (highestOutPictureId + 1) & 0x7FFF;
            pictureIdOffset = (nextPic - inPictureId) & 0x7FFF;
        } else {
            pictureIdOffset = 0;
        }
        if (inTl0 >= 0) {
            int nextTl0 = highestOutTl0 < 0 ? inTl0 : (highestOutTl0 + 1) & 0xFF;
            tl0Offset = (nextTl0 - inTl0) & 0xFF;
        } else {
            tl0Offset = 0;
        }
    }

    /**
     * Maps a packet of the current source. Returns false (drop) for a packet of another source, or one from before
     * the switch point.
     */
    public boolean accept(int source, int inSeq, long inTs, long nowNanos) {
        if (source != sourceId) return false;
        long index = highestInIndex + (short) ((inSeq - highestInSeq) & 0xFFFF);
        if (index < 0) return false;
        if (index > highestInIndex) {
            highestInIndex = index;
            highestInSeq = inSeq & 0xFFFF;
        }
        outSeq = (inSeq + seqOffset) & 0xFFFF;
        outTs = (inTs + tsOffset) & 0xFFFFFFFFL;
        if (!sentAny || (short) ((outSeq - highestOutSeq) & 0xFFFF) > 0) {
            highestOutSeq = outSeq;
            highestOutTs = outTs;
            lastSentNanos = nowNanos;
        }
        sentAny = true;
        return true;
    }

    public int outSeq() {
        return outSeq;
    }

    public long outTs() {
        return outTs;
    }

    public int seqOffset() {
        return seqOffset;
    }

    public long tsOffset() {
        return tsOffset;
    }

    public int pictureIdOffset() {
        return pictureIdOffset;
    }

    public int tl0Offset() {
        return tl0Offset;
    }

    /** Maps a VP8 picture id (15-bit space) of the current source and remembers the highest sent. */
    public int mapPictureId(int inPictureId, int bits) {
        int mask = bits == 7 ? 0x7F : 0x7FFF;
        int out = (inPictureId + pictureIdOffset) & 0x7FFF;
        if (highestOutPictureId < 0 || (short) (((out - highestOutPictureId) & 0x7FFF) << 1) > 0) {
            highestOutPictureId = out;
        }
        return out & mask;
    }

    public int mapTl0PicIdx(int inTl0) {
        int out = (inTl0 + tl0Offset) & 0xFF;
        if (highestOutTl0 < 0 || (byte) ((out - highestOutTl0) & 0xFF) > 0) {
            highestOutTl0 = out;
        }
        return out;
    }

    public boolean hasSent() {
        return sentAny;
    }

    public int highestOutSeq() {
        return highestOutSeq;
    }

    public long highestOutTs() {
        return highestOutTs;
    }
}
