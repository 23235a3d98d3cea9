package sabaq.common.time;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when a test moves it. */
public final class FakeTimeSource implements TimeSource {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicLong epochOffsetMillis = new AtomicLong(1_700_000_000_000L);

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public long epochMillis() {
        return epochOffsetMillis.get() + nanos.get() / 1_000_000L;
    }

    public void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    public void advanceMillis(long ms) {
        nanos.addAndGet(ms * 1_000_000L);
    }
}
