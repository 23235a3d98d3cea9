package sabaq.media.cc;

/**
 * Throughput the receiver acknowledged: bytes of received packets over a sliding window of arrival time, from
 * transport-cc feedback. AIMD uses it as the ceiling for increases and the base for decreases.
 */
final class AcknowledgedBitrate {
    private static final long WINDOW_MICROS = 500_000;
    private static final int CAPACITY = 1024;
    private final long[] arrival = new long[CAPACITY];
    private final int[] bytes = new int[CAPACITY];
    private int head;
    private int count;
    private long windowBytes;

    void onReceived(long arrivalMicros, int size) {
        if (count == CAPACITY) evictOldest();
        int tail = (head + count) % CAPACITY;
        arrival[tail] = arrivalMicros;
        bytes[tail] = size;
        count++;
        windowBytes += size;
        while (count > 1 && arrivalMicros - arrival[head] > WINDOW_MICROS) evictOldest();
    }

    private void evictOldest() {
        windowBytes -= bytes[head];
        head = (head + 1) % CAPACITY;
        count--;
    }

    /** Bits per second over the window, or -1 until the window has enough data. */
    long bitrateBps() {
        if (count < 5) return -1;
        int last = (head + count - 1) % CAPACITY;
        long span = arrival[last] - arrival[head];
        if (span < 50_000) return -1;
        return (windowBytes - bytes[head]) * 8L * 1_000_000L / span;
    }
}
