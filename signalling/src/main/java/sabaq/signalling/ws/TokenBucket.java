package sabaq.signalling.ws;

/**
 * A token bucket rate limiter: {@code ratePerSecond} tokens are added per second up to {@code capacity}; each event
 * takes one. Time comes from the caller (monotonic nanoseconds), so tests drive it with a fake clock. Not thread safe.
 */
public final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double capacity;
    private final double ratePerNano;
    private double tokens;
    private long lastNanos;

    public TokenBucket(int ratePerSecond, int capacity, long nowNanos) {
        if (ratePerSecond <= 0 || capacity <= 0) throw new IllegalArgumentException("rate and capacity must be positive");
        this.capacity = capacity;
        this.ratePerNano = ratePerSecond / NANOS_PER_SECOND;
        this.tokens = capacity;
        this.lastNanos = nowNanos;
    }

    /** Takes a token if one is available. */
    public boolean tryTake(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * ratePerNano);
            lastNanos = nowNanos;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
