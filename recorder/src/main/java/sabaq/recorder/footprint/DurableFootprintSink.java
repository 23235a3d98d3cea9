package sabaq.recorder.footprint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.footprint.FootprintEvent;
import sabaq.common.footprint.FootprintSink;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link FootprintSink} of the server: {@link #record} puts the event in a bounded in-memory queue (never blocks,
 * never throws; a full queue drops and counts); one appender thread takes what has accumulated, appends it to the
 * {@link FootprintJournal} with one fsync (group commit) and wakes the {@link FootprintWriter}. An event is thus on
 * disk within one fsync of being recorded; a crash of this process loses at most the queue.
 */
public final class DurableFootprintSink implements FootprintSink, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DurableFootprintSink.class);
    private static final int MAX_BATCH = 4096;

    private final BlockingQueue<FootprintEvent> queue;
    private final FootprintJournal journal;
    private final Runnable afterAppend;
    private final Thread appender;
    private final AtomicLong queueDropped = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param afterAppend called after each fsynced batch (the writer's {@link FootprintWriter#wake})
     */
    public DurableFootprintSink(FootprintJournal journal, int queueCapacity, Runnable afterAppend) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.afterAppend = Objects.requireNonNull(afterAppend, "afterAppend");
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.appender = new Thread(this::run, "footprint-journal");
        appender.setDaemon(true);
        appender.start();
    }

    @Override
    public void record(FootprintEvent event) {
        if (event == null || closed) return;
        if (!queue.offer(event)) queueDropped.incrementAndGet();
    }

    private void run() {
        List<FootprintEvent> batch = new ArrayList<>(MAX_BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                FootprintEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                journal.append(batch);
                afterAppend.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.error("footprint: {} events could not be journalled: {}", batch.size(), e.toString());
                queueDropped.addAndGet(batch.size());
            } finally {
                batch.clear();
            }
        }
    }

    /** Events dropped before the journal: queue full, or the journal failed. The journal's own refusals are {@link FootprintJournal#dropped}. */
    public long dropped() {
        return queueDropped.get() + journal.dropped();
    }

    /** Events waiting for the appender. */
    public int queued() {
        return queue.size();
    }

    /** Journals what is queued, then stops the appender (it does not close the journal). */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        appender.join(10_000);
    }
}
