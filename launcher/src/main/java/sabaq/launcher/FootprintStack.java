package sabaq.launcher;

import com.datastax.oss.driver.api.core.CqlSession;
import com.typesafe.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.config.ConfigValues;
import sabaq.common.footprint.FootprintReports;
import sabaq.common.footprint.FootprintSink;
import sabaq.recorder.footprint.CassandraCurriculumStore;
import sabaq.recorder.footprint.CassandraFootprintReports;
import sabaq.recorder.footprint.CassandraFootprintStore;
import sabaq.recorder.footprint.DurableFootprintSink;
import sabaq.recorder.footprint.FootprintJournal;
import sabaq.recorder.footprint.FootprintWriter;
import sabaq.signalling.footprint.FootprintServices;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The digital footprint in the launcher's process (settings {@code sabaq.footprint}, docs/footprint.md): the local
 * {@link FootprintJournal}, the {@link DurableFootprintSink} signalling hands events to (never blocks), and the
 * {@link FootprintWriter} that drains the journal into the footprint tables of the same Cassandra keyspace the
 * accounts use, retrying while Cassandra is away.
 */
public final class FootprintStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FootprintStack.class);
    private static final String PATH = "sabaq.footprint";

    private final FootprintJournal journal;
    private final DurableFootprintSink sink;
    private final FootprintWriter writer;
    private final CassandraFootprintStore store;
    private final ScheduledExecutorService scheduler;
    private final CassandraCurriculumStore curriculum;
    private final CassandraFootprintReports reports;

    private FootprintStack(FootprintJournal journal, DurableFootprintSink sink, FootprintWriter writer,
                           CassandraFootprintStore store, ScheduledExecutorService scheduler, CqlSession session) {
        this.curriculum = new CassandraCurriculumStore(session);
        this.reports = new CassandraFootprintReports(store, curriculum);
        this.journal = journal;
        this.sink = sink;
        this.writer = writer;
        this.store = store;
        this.scheduler = scheduler;
    }

    /** Creates the footprint tables in the session's keyspace, opens the journal and starts the writer. Blocking. */
    public static FootprintStack start(Config config, CqlSession session) throws Exception {
        ConfigValues v = new ConfigValues(config, PATH);
        Path dir = Path.of(v.nonBlank("journal.dir"));
        long maxBytes = config.getBytes(PATH + ".journal.max-bytes");
        long segmentBytes = config.getBytes(PATH + ".journal.segment-bytes");
        if (segmentBytes < 64 * 1024 || segmentBytes > maxBytes) {
            throw new com.typesafe.config.ConfigException.BadValue(PATH + ".journal.segment-bytes",
                    "must be 64 KiB .. journal.max-bytes");
        }
        int queue = v.intIn("queue-capacity", 16, 10_000_000);
        int batch = v.intIn("writer.batch-size", 1, 10_000);
        int inFlight = v.intIn("writer.max-in-flight", 1, 1024);
        Duration minBackoff = v.durationIn("writer.min-backoff", Duration.ofMillis(1), Duration.ofMinutes(1));
        Duration maxBackoff = v.durationIn("writer.max-backoff", minBackoff, Duration.ofHours(1));
        Duration tick = v.durationIn("writer.tick", Duration.ofMillis(10), Duration.ofMinutes(10));

        CassandraFootprintStore store = CassandraFootprintStore.open(session);
        FootprintJournal journal = FootprintJournal.open(dir, maxBytes, segmentBytes);
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "footprint-writer");
            t.setDaemon(true);
            return t;
        });
        FootprintWriter writer = new FootprintWriter(journal, store, scheduler, batch, inFlight, minBackoff, maxBackoff);
        DurableFootprintSink sink = new DurableFootprintSink(journal, queue, writer::wake);
        writer.start(tick);
        LOG.info("footprint: journal {} ({} pending), writing to keyspace {}", dir.toAbsolutePath(), journal.pending(),
                session.getKeyspace().map(Object::toString).orElse("?"));
        return new FootprintStack(journal, sink, writer, store, scheduler, session);
    }

    /** What signalling gets: the sink for events, the reports and the curriculum for the monitoring routes. */
    public FootprintServices services() {
        return new FootprintServices(sink, reports, curriculum);
    }

    /** Where signalling hands footprint events. */
    public FootprintSink sink() {
        return sink;
    }

    /** The footprint tables (reports and tests read them). */
    public CassandraFootprintStore store() {
        return store;
    }

    /** The curriculum (programmes, groups, disciplines) in the same keyspace. */
    public CassandraCurriculumStore curriculum() {
        return curriculum;
    }

    /** The monitors' reports over the stored footprint and the curriculum. */
    public FootprintReports reports() {
        return reports;
    }

    public FootprintJournal journal() {
        return journal;
    }

    public FootprintWriter writer() {
        return writer;
    }

    /** Stops taking events, flushes the in-memory queue to the journal, stops the writer (the journal keeps the rest). */
    @Override
    public void close() {
        try {
            sink.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.close();
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) scheduler.shutdownNow();
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            journal.close();
        } catch (Exception e) {
            LOG.warn("footprint journal close: {}", e.toString());
        }
    }
}
