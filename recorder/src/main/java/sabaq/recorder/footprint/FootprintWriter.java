package sabaq.recorder.footprint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.footprint.FootprintEvent;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drains the {@link FootprintJournal} into a {@link FootprintStore}: reads batches of durable events, writes up to
 * {@code maxInFlight} batches at a time, and acknowledges a batch in the journal (which may then delete it) only
 * after the store acknowledged every event of it. A failed or timed-out batch is retried as it is, after an
 * exponential backoff ({@code minBackoff} doubling up to {@code maxBackoff}), for as long as it takes; meanwhile no
 * further batches are read beyond those in flight, so memory stays bounded while Cassandra is away.
 *
 * <p>All its work runs on the given scheduler (one thread is enough: the store is asynchronous); {@link #wake} asks for
 * a pump after new appends and never blocks.
 */
public final class FootprintWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FootprintWriter.class);

    private final FootprintJournal journal;
    private final FootprintStore store;
    private final ScheduledExecutorService scheduler;
    private final int batchSize;
    private final int maxInFlight;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean pumpQueued = new AtomicBoolean();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean closed;

    public FootprintWriter(FootprintJournal journal, FootprintStore store, ScheduledExecutorService scheduler,
                           int batchSize, int maxInFlight, Duration minBackoff, Duration maxBackoff) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.store = Objects.requireNonNull(store, "store");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        if (batchSize < 1 || maxInFlight < 1) throw new IllegalArgumentException("batchSize and maxInFlight must be >= 1");
        this.batchSize = batchSize;
        this.maxInFlight = maxInFlight;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** Starts draining: a pump now and a safety pump every {@code tick}. */
    public void start(Duration tick) {
        scheduler.scheduleWithFixedDelay(this::wake, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks for a pump soon (coalesced); never blocks. */
    public void wake() {
        if (closed || !pumpQueued.compareAndSet(false, true)) return;
        try {
            scheduler.execute(this::pump);
        } catch (RuntimeException e) {
            pumpQueued.set(false);
        }
    }

    private void pump() {
        pumpQueued.set(false);
        try {
            while (!closed && inFlight.get() < maxInFlight) {
                List<FootprintJournal.Entry> batch = journal.read(batchSize);
                if (batch.isEmpty()) return;
                inFlight.incrementAndGet();
                send(batch, 0);
            }
        } catch (IOException | RuntimeException e) {
            log.error("footprint writer: reading the journal failed: {}", e.toString());
        }
    }

    private void send(List<FootprintJournal.Entry> batch, int attempt) {
        List<FootprintEvent> events = new ArrayList<>(batch.size());
        for (FootprintJournal.Entry e : batch) events.add(e.event());
        java.util.concurrent.CompletionStage<Void> stage;
        try {
            stage = store.write(events);
        } catch (RuntimeException e) {
            stage = java.util.concurrent.CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((ok, err) -> {
            if (err == null) {
                journal.ack(batch);
                written.addAndGet(batch.size());
                inFlight.decrementAndGet();
                wake();
            } else {
                failures.incrementAndGet();
                long delay = backoffMillis(attempt);
                if (attempt == 0 || attempt % 20 == 0) {
                    log.warn("footprint writer: {} events not written ({}); retrying in {} ms", batch.size(), err.toString(), delay);
                }
                retryLater(batch, attempt + 1, delay);
            }
        });
    }

    private void retryLater(List<FootprintJournal.Entry> batch, int attempt, long delayMs) {
        if (closed) return;
        try {
            scheduler.schedule(() -> send(batch, attempt), delayMs, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            log.warn("footprint writer: stopped with {} events left in the journal", batch.size());
        }
    }

    long backoffMillis(int attempt) {
        long ms = minBackoff.toMillis() << Math.min(attempt, 20);
        return Math.min(ms, maxBackoff.toMillis());
    }

    /** Events acknowledged by the store. */
    public long written() {
        return written.get();
    }

    /** Failed batch writes (each retry counts). */
    public long failures() {
        return failures.get();
    }

    /** Stops reading and retrying; what is not acknowledged stays in the journal for the next start. */
    @Override
    public void close() {
        closed = true;
    }
}
