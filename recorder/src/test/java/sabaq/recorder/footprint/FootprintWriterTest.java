package sabaq.recorder.footprint;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sabaq.common.footprint.FootprintEvent;
import sabaq.common.test.Poll;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FootprintWriterTest {
    @TempDir
    Path dir;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** A store that keeps events by id (idempotent) and fails while {@code down} is set. */
    static final class FlakyStore implements FootprintStore {
        final Map<UUID, FootprintEvent> rows = new ConcurrentHashMap<>();
        final AtomicInteger writes = new AtomicInteger();
        final AtomicBoolean down = new AtomicBoolean();

        @Override
        public CompletionStage<Void> write(List<FootprintEvent> events) {
            writes.incrementAndGet();
            if (down.get()) return CompletableFuture.failedFuture(new IllegalStateException("store down"));
            for (FootprintEvent e : events) rows.put(e.eventId(), e);
            return CompletableFuture.completedFuture(null);
        }
    }

    @Test
    void everythingRecordedWhileTheStoreIsDownIsWrittenWhenItReturns() throws Exception {
        FlakyStore store = new FlakyStore();
        List<FootprintEvent> sent = new ArrayList<>();
        Random r = new Random(3);
        try (FootprintJournal journal = FootprintJournal.open(dir, 8 << 20, 1 << 20)) {
            FootprintWriter writer = new FootprintWriter(journal, store, scheduler, 100, 4, Duration.ofMillis(5),
                    Duration.ofMillis(40));
            DurableFootprintSink sink = new DurableFootprintSink(journal, 10_000, writer::wake);
            writer.start(Duration.ofMillis(50));
            for (int i = 0; i < 500; i++) {
                FootprintEvent e = TestEvents.random(r, "L" + (i % 3), i);
                sent.add(e);
                sink.record(e);
            }
            Poll.until(Duration.ofSeconds(10), () -> store.rows.size() == 500, "first 500 written");
            store.down.set(true);
            for (int i = 500; i < 1500; i++) {
                FootprintEvent e = TestEvents.random(r, "L" + (i % 3), i);
                sent.add(e);
                sink.record(e);
            }
            Poll.until(Duration.ofSeconds(10), () -> writer.failures() >= 8, "retries while down");
            assertEquals(500, store.rows.size());
            assertEquals(1000, journal.pending(), "unwritten events stay in the journal");
            store.down.set(false);
            Poll.until(Duration.ofSeconds(10), () -> journal.pending() == 0, "journal drained");
            assertEquals(1500, store.rows.size());
            for (FootprintEvent e : sent) assertEquals(e, store.rows.get(e.eventId()));
            assertEquals(1500, writer.written());
            assertEquals(0, sink.dropped());
            sink.close();
            writer.close();
        }
    }

    @Test
    void backoffDoublesUpToTheMaximum() throws Exception {
        try (FootprintJournal journal = FootprintJournal.open(dir, 8 << 20, 1 << 20)) {
            FootprintWriter w = new FootprintWriter(journal, new FlakyStore(), scheduler, 10, 1, Duration.ofMillis(100),
                    Duration.ofSeconds(10));
            assertEquals(100, w.backoffMillis(0));
            assertEquals(200, w.backoffMillis(1));
            assertEquals(6400, w.backoffMillis(6));
            assertEquals(10_000, w.backoffMillis(7));
            assertEquals(10_000, w.backoffMillis(1000));
        }
    }

    @Test
    void aFullQueueDropsAndCountsWithoutBlocking() throws Exception {
        try (FootprintJournal journal = FootprintJournal.open(dir, 8 << 20, 1 << 20)) {
            CompletableFuture<Void> gate = new CompletableFuture<>();
            DurableFootprintSink sink = new DurableFootprintSink(journal, 10, () -> gate.join());
            Random r = new Random(5);
            long start = System.nanoTime();
            for (int i = 0; i < 5000; i++) sink.record(TestEvents.random(r, "L", i));
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos(), "record never blocks");
            assertTrue(sink.dropped() > 4000, "dropped " + sink.dropped());
            gate.complete(null);
            sink.close();
        }
    }
}
