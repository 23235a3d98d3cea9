package sabaq.media.srtp;

import org.jitsi.utils.ByteArrayBuffer;

/**
 * A reusable {@link ByteArrayBuffer} view of a caller's {@code byte[]} slice, so jitsi-srtp transforms packets in
 * place without allocating. {@link #grow} only checks capacity (jitsi-srtp appends its tags with {@link #append});
 * nothing ever reallocates, because the caller's array must receive the result. Running out of room throws, which the
 * transformer turns into an error code (it checks the room beforehand, so this does not happen in practice).
 */
final class SliceBuffer implements ByteArrayBuffer {

    private byte[] buffer;
    private int offset;
    private int length;

    void wrap(byte[] buf, int off, int len) {
        buffer = buf;
        offset = off;
        length = len;
    }

    /** Drops the reference to the caller's array. */
    void release() {
        buffer = null;
        offset = 0;
        length = 0;
    }

    @Override
    public byte[] getBuffer() {
        return buffer;
    }

    @Override
    public int getOffset() {
        return offset;
    }

    @Override
    public int getLength() {
        return length;
    }

    @Override
    public void setLength(int len) {
        if (len < 0 || len > capacity()) {
            throw new IllegalArgumentException("length " + len + " outside the slice");
        }
        length = len;
    }

    @Override
    public void setOffset(int off) {
        if (off < 0 || off > buffer.length - length) {
            throw new IllegalArgumentException("offset " + off + " outside the array");
        }
        offset = off;
    }

    @Override
    public boolean isInvalid() {
        return buffer == null || offset < 0 || length < 0 || offset > buffer.length - length;
    }

    @Override
    public void readRegionToBuff(int off, int len, byte[] outBuf) {
        System.arraycopy(buffer, offset + off, outBuf, 0, len);
    }

    @Override
    public void grow(int howMuch) {
        if (howMuch > capacity() - length) {
            throw new IllegalStateException("no room to grow the packet by " + howMuch + " bytes");
        }
    }

    @Override
    public void append(byte[] data, int len) {
        grow(len);
        System.arraycopy(data, 0, buffer, offset + length, len);
        length += len;
    }

    @Override
    public void shrink(int len) {
        if (len < 0 || len > length) {
            throw new IllegalArgumentException("cannot shrink " + length + " bytes by " + len);
        }
        length -= len;
    }

    private int capacity() {
        return buffer.length - offset;
    }
}
