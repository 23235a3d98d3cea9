package sabaq.media.srtp;

import java.util.Arrays;

/**
 * A map from SSRC (an unboxed {@code int}) to a value, bounded to {@code maxSize} entries by evicting the least
 * recently used one. Open addressing with linear probing and backward-shift deletion, so lookups allocate nothing.
 * Eviction scans the table, which only happens when a new SSRC arrives at a full map. Not thread safe.
 */
final class SsrcLruMap<V> {

    private final int maxSize;
    private final int mask;
    private final int[] keys;
    private final Object[] values;
    private final long[] lastUsed;
    private int size;
    private long clock;
    private long evictions;

    SsrcLruMap(int maxSize) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be at least 1");
        }
        this.maxSize = maxSize;
        int capacity = Integer.highestOneBit(Math.max(4, maxSize * 2 - 1)) << 1;
        this.mask = capacity - 1;
        this.keys = new int[capacity];
        this.values = new Object[capacity];
        this.lastUsed = new long[capacity];
    }

    /** The value for {@code ssrc}, marked as just used, or null. */
    @SuppressWarnings("unchecked")
    V get(int ssrc) {
        int i = indexOf(ssrc);
        if (i < 0) {
            return null;
        }
        lastUsed[i] = ++clock;
        return (V) values[i];
    }

    /** Adds or replaces the value; evicts the least recently used entry when a new SSRC would exceed the bound. */
    void put(int ssrc, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null value");
        }
        int i = indexOf(ssrc);
        if (i < 0) {
            if (size == maxSize) {
                removeAt(leastRecentlyUsed());
                evictions++;
            }
            i = home(ssrc);
            while (values[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = ssrc;
            size++;
        }
        values[i] = value;
        lastUsed[i] = ++clock;
    }

    /** Removes the entry for {@code ssrc}, if any. */
    void remove(int ssrc) {
        int i = indexOf(ssrc);
        if (i >= 0) {
            removeAt(i);
        }
    }

    void clear() {
        Arrays.fill(values, null);
        size = 0;
    }

    int size() {
        return size;
    }

    long evictions() {
        return evictions;
    }

    private int home(int ssrc) {
        int h = ssrc * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    private int indexOf(int ssrc) {
        for (int i = home(ssrc); values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == ssrc) {
                return i;
            }
        }
        return -1;
    }

    private int leastRecentlyUsed() {
        int oldest = -1;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && (oldest < 0 || lastUsed[i] < lastUsed[oldest])) {
                oldest = i;
            }
        }
        return oldest;
    }

    /** Empties slot {@code hole} and moves later entries of the probe run back so every key stays reachable. */
    private void removeAt(int hole) {
        values[hole] = null;
        size--;
        int j = hole;
        while (true) {
            j = (j + 1) & mask;
            if (values[j] == null) {
                return;
            }
            int h = home(keys[j]);
            boolean reachableWithoutMove = hole <= j ? (hole < h && h <= j) : (hole < h || h <= j);
            if (!reachableWithoutMove) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                lastUsed[hole] = lastUsed[j];
                values[j] = null;
                hole = j;
            }
        }
    }
}
