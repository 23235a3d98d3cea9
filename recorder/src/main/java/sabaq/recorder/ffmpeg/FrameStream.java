package sabaq.recorder.ffmpeg;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The byte stream FFmpeg reads (through Jaffree's pipe input): chunks offered by the media thread, read by Jaffree's
 * pump thread. {@link #offer} never blocks: when more than {@code capacityBytes} wait (FFmpeg stalled), the chunk is
 * refused and the caller drops the frame. {@link #finish} ends the stream after what was queued; {@link #abort}
 * ends it at once.
 */
public final class FrameStream extends InputStream {
    private final long capacityBytes;
    private final Deque<byte[]> chunks = new ArrayDeque<>();
    private long queuedBytes;
    private byte[] current;
    private int position;
    private boolean finished;
    private boolean aborted;

    public FrameStream(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    /** Queues a chunk; false when the stream is full or finished. */
    public synchronized boolean offer(byte[] chunk) {
        if (finished || aborted) return false;
        if (queuedBytes + chunk.length > capacityBytes) return false;
        chunks.addLast(chunk);
        queuedBytes += chunk.length;
        notifyAll();
        return true;
    }

    public synchronized void finish() {
        finished = true;
        notifyAll();
    }

    public synchronized void abort() {
        aborted = true;
        chunks.clear();
        queuedBytes = 0;
        notifyAll();
    }

    public synchronized long queuedBytes() {
        return queuedBytes;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (current == null || position >= current.length) {
            if (aborted) return -1;
            byte[] next = chunks.pollFirst();
            if (next != null) {
                queuedBytes -= next.length;
                current = next;
                position = 0;
                continue;
            }
            if (finished) return -1;
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for media", e);
            }
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public void close() {
        abort();
    }
}
