package sabaq.media.rtp;

/**
 * Writes an RTP header (RFC 3550 section 5.1, no CSRCs) with optional one-byte header extension elements (RFC 8285
 * section 4.2: profile 0xBEDE, ids 1..14, values of 1..16 bytes, zero padding up to a 4-byte boundary).
 *
 * <p>The forwarder rebuilds each subscriber's header with one writer per thread: {@link #clearExtensions()}, add the
 * elements the subscriber negotiated (typically its own transport-cc sequence number and the audio level, under
 * the subscriber's extension ids), then {@link #write}. Extension values are kept in a fixed internal buffer, so a
 * reused writer does not allocate. Instances are not thread-safe.
 *
 * <p>Methods that take values from our own code ({@link #addExtension}) throw {@link IllegalArgumentException} on
 * invalid ids or lengths; {@link #copyExtension}, which reads an incoming packet, returns false instead.
 */
public final class RtpHeaderWriter {
    private static final int MAX_ELEMENTS = 14;
    private static final int MAX_VALUE_LENGTH = 16;

    private final int[] ids = new int[MAX_ELEMENTS];
    private final int[] lengths = new int[MAX_ELEMENTS];
    private final byte[] values = new byte[MAX_ELEMENTS * MAX_VALUE_LENGTH];
    private int count;

    /** Removes all extension elements. */
    public RtpHeaderWriter clearExtensions() {
        count = 0;
        return this;
    }

    /** Number of extension elements that will be written. */
    public int extensionCount() {
        return count;
    }

    /** Adds a one-byte-header element with id 1..14 and a value of 1..16 bytes; ids must be unique. */
    public RtpHeaderWriter addExtension(int id, byte[] src, int srcOff, int length) {
        System.arraycopy(src, srcOff, values, reserve(id, length), length);
        return this;
    }

    /** Adds a transport-wide sequence number element (2 bytes). */
    public RtpHeaderWriter addTransportCcSeq(int id, int seq) {
        BigEndian.put16(values, reserve(id, 2), seq);
        return this;
    }

    /** Adds an RFC 6464 audio level element (1 byte: voice bit, level 0..127). */
    public RtpHeaderWriter addAudioLevel(int id, int level, boolean voice) {
        values[reserve(id, 1)] = (byte) ((voice ? 0x80 : 0) | (level & 0x7F));
        return this;
    }

    private int reserve(int id, int length) {
        if (id < 1 || id > 14) {
            throw new IllegalArgumentException("one-byte extension id must be 1..14: " + id);
        }
        if (length < 1 || length > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("one-byte extension value must be 1..16 bytes: " + length);
        }
        if (isUsed(id)) {
            throw new IllegalArgumentException("duplicate extension id " + id);
        }
        return append(id, length);
    }

    private boolean isUsed(int id) {
        for (int i = 0; i < count; i++) {
            if (ids[i] == id) {
                return true;
            }
        }
        return false;
    }

    private int append(int id, int length) {
        ids[count] = id;
        lengths[count] = length;
        return MAX_VALUE_LENGTH * count++;
    }

    /**
     * Copies element {@code srcId} of the RTP packet {@code packet[off .. off+len)} as element {@code newId}.
     *
     * @return false (and adds nothing) if the element is absent, its value is not 1..16 bytes, {@code newId} is not
     *     1..14 or already used, or all 14 slots are taken
     */
    public boolean copyExtension(byte[] packet, int off, int len, int srcId, int newId) {
        int found = RtpHeaderExtensions.find(packet, off, len, srcId);
        if (found < 0 || newId < 1 || newId > 14 || count == MAX_ELEMENTS) {
            return false;
        }
        int length = RtpHeaderExtensions.valueLength(found);
        if (length < 1 || length > MAX_VALUE_LENGTH || isUsed(newId)) {
            return false;
        }
        System.arraycopy(packet, RtpHeaderExtensions.valueOffset(off, found), values, append(newId, length), length);
        return true;
    }

    /** Length of the header {@link #write} produces with the current elements. */
    public int headerLength() {
        if (count == 0) {
            return RtpPacket.FIXED_HEADER_LENGTH;
        }
        int elements = 0;
        for (int i = 0; i < count; i++) {
            elements += 1 + lengths[i];
        }
        return RtpPacket.FIXED_HEADER_LENGTH + 4 + ((elements + 3) & ~3);
    }

    /**
     * Writes the header at {@code out[off]}: version 2, no padding, no CSRCs, X set iff there are elements.
     *
     * @return the header length, or -1 if it does not fit in {@code out}
     */
    public int write(byte[] out, int off, int payloadType, boolean marker, int seq, long timestamp, long ssrc) {
        int length = headerLength();
        if (out == null || off < 0 || off > out.length - length) {
            return -1;
        }
        out[off] = (byte) (count > 0 ? 0x90 : 0x80);
        out[off + 1] = (byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F));
        BigEndian.put16(out, off + 2, seq);
        BigEndian.put32(out, off + 4, timestamp);
        BigEndian.put32(out, off + 8, ssrc);
        if (count == 0) {
            return length;
        }
        int extensionEnd = off + length;
        BigEndian.put16(out, off + 12, RtpHeaderExtensions.ONE_BYTE_PROFILE);
        BigEndian.put16(out, off + 14, (length - RtpPacket.FIXED_HEADER_LENGTH - 4) / 4);
        int pos = off + 16;
        for (int i = 0; i < count; i++) {
            out[pos++] = (byte) ((ids[i] << 4) | (lengths[i] - 1));
            System.arraycopy(values, i * MAX_VALUE_LENGTH, out, pos, lengths[i]);
            pos += lengths[i];
        }
        while (pos < extensionEnd) {
            out[pos++] = 0;
        }
        return length;
    }
}
