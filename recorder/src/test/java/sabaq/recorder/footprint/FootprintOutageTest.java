package sabaq.recorder.footprint;

import com.datastax.oss.driver.api.core.CqlSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sabaq.common.cassandra.CassandraExtension;
import sabaq.common.cassandra.ForkedCassandra;
import sabaq.common.footprint.FootprintEvent;
import sabaq.common.footprint.FootprintResult;
import sabaq.common.footprint.FootprintRole;
import sabaq.common.footprint.FootprintVerb;
import sabaq.common.footprint.Period;
import sabaq.common.footprint.PersonTotals;
import sabaq.common.test.Poll;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 6's outage test: events of a lesson flow through the durable sink into a forked Cassandra; the Cassandra
 * process is killed (SIGKILL) with writes in flight, more events arrive while it is down, it is restarted on the same
 * data directory, and every event is then stored exactly once. The server is this test's own (not the shared one),
 * since it is killed.
 */
class FootprintOutageTest {
    private static final String LESSON = "OUTAGELESSON";

    @TempDir
    Path journalDir;

    @Test
    void killedCassandraLosesNothingAndDuplicatesNothing() throws Exception {
        Path runner = Path.of(System.getProperty(CassandraExtension.RUNNER_DIR_PROPERTY));
        Path runDir = Path.of("target", "cassandra-outage-" + ProcessHandle.current().pid());
        ForkedCassandra.deleteTree(runDir);
        ForkedCassandra server = ForkedCassandra.builder(runner, runDir).start();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        CqlSession session = null;
        try {
            session = TestCassandra.connect(server.contactPoint(), Duration.ofSeconds(2));
            CassandraFootprintStore store = CassandraFootprintStore.open(session);
            FootprintJournal journal = FootprintJournal.open(journalDir, 64 << 20, 1 << 20);
            FootprintWriter writer = new FootprintWriter(journal, store, scheduler, 200, 4, Duration.ofMillis(50),
                    Duration.ofMillis(500));
            DurableFootprintSink sink = new DurableFootprintSink(journal, 50_000, writer::wake);
            writer.start(Duration.ofMillis(100));
            List<FootprintEvent> sent = new ArrayList<>();

            emit(sink, sent, 0, 1500);
            Poll.until(Duration.ofSeconds(60), () -> writer.written() == 1500, "the first events written");
            assertEquals(1, store.summaries().computed(), "the ended lesson summarised before the outage");

            emit(sink, sent, 1500, 1500);
            server.kill();
            long failuresAtKill = writer.failures();
            emit(sink, sent, 3000, 1500);
            Poll.until(Duration.ofSeconds(60), () -> writer.failures() > failuresAtKill + 3, "writes failing while Cassandra is down");
            assertTrue(journal.pending() > 0, "unwritten events wait in the journal");
            assertTrue(writer.written() < 4500);

            server = ForkedCassandra.builder(runner, runDir).ports(server.nativePort(), server.storagePort()).start();
            emit(sink, sent, 4500, 500);
            Poll.until(Duration.ofSeconds(90), () -> journal.appended() == 5000 && journal.pending() == 0, "the journal drained");

            List<FootprintEvent> stored = store.lessonEvents(LESSON).toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals(5000, sent.size());
            Set<UUID> have = new HashSet<>();
            for (FootprintEvent e : stored) have.add(e.eventId());
            StringBuilder missing = new StringBuilder();
            for (int i = 0; i < sent.size(); i++) if (!have.contains(sent.get(i).eventId())) missing.append(i).append(' ');
            assertEquals("", missing.toString().trim(), "indices of events missing after the outage");
            assertEquals(sent.size(), stored.size(), "every event exactly once");
            Map<UUID, FootprintEvent> byId = new HashMap<>();
            for (FootprintEvent e : stored) byId.put(e.eventId(), e);
            assertEquals(stored.size(), byId.size(), "no event twice");
            for (FootprintEvent e : sent) assertEquals(e, byId.get(e.eventId()));
            Set<String> students = new HashSet<>();
            for (FootprintEvent e : sent) students.add(e.actor().id());
            long perPerson = 0;
            for (String s : students) {
                perPerson += store.personDay(s, CassandraFootprintStore.day(TestEvents.T0)).toCompletableFuture()
                        .get(30, TimeUnit.SECONDS).size();
            }
            assertEquals(5000, perPerson, "the per-person table too");
            assertEquals(0, sink.dropped());
            assertSummaryTotalsExact(store, session, sent);
            assertTrue(writer.written() >= 5000, "written " + writer.written() + " (a batch in flight at the kill may count twice)");
            sink.close();
            writer.close();
            journal.close();
        } finally {
            scheduler.shutdownNow();
            if (session != null) session.close();
            server.close();
            ForkedCassandra.deleteTree(runDir);
        }
    }

    /** The students' totals from the attendance summary (written before the outage) count the late events too. */
    private static void assertSummaryTotalsExact(CassandraFootprintStore store, CqlSession session, List<FootprintEvent> sent)
            throws Exception {
        CassandraFootprintReports reports = new CassandraFootprintReports(store, new CassandraCurriculumStore(session));
        Period around = new Period(TestEvents.T0 - 3_600_000L, TestEvents.T0 + 3_600_000L);
        long before = store.summaries().computed();
        List<PersonTotals> totals = reports.studentTotals(TestEvents.ORG, TestEvents.GROUP, around).toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        assertEquals(before + 1, store.summaries().computed(), "the stale summary recomputed from the events");
        assertEquals(reports.totalsFromEvents(TestEvents.ORG, TestEvents.GROUP, around, FootprintRole.STUDENT)
                .toCompletableFuture().get(30, TimeUnit.SECONDS), totals);
        long chats = 0;
        for (FootprintEvent e : sent) if (e.verb() == FootprintVerb.CHAT_SENT) chats++;
        assertEquals(chats, totals.stream().mapToLong(PersonTotals::chatMessages).sum(), "every chat message counted once");
        assertEquals(25, totals.size());
    }

    /** Events of one lesson by 25 people: speaking, chat and hand raises, 1 ms apart within one UTC day. */
    private static void emit(DurableFootprintSink sink, List<FootprintEvent> sent, int from, int n) {
        for (int i = from; i < from + n; i++) {
            String actor = "student" + (i % 25);
            FootprintEvent e;
            if (i == 0 || i == 1 || i == 1499) {
                // The lesson starts, its teacher joins, and it ends with the first events: its attendance summary is
                // written before the outage, and everything after arrives late (replayed from the journal).
                FootprintVerb verb = i == 0 ? FootprintVerb.LESSON_STARTED : i == 1 ? FootprintVerb.JOINED : FootprintVerb.LESSON_ENDED;
                e = TestEvents.simple("t" + i, verb, "teacher", FootprintRole.TEACHER, LESSON, TestEvents.T0 + i);
                sent.add(e);
                sink.record(e);
                continue;
            }
            switch (i % 3) {
                case 0:
                    e = TestEvents.event("s" + i, FootprintVerb.SPOKE, actor, FootprintRole.STUDENT, LESSON, TestEvents.T0 + i,
                            FootprintResult.spoke(100 + i));
                    break;
                case 1:
                    e = TestEvents.event("c" + i, FootprintVerb.CHAT_SENT, actor, FootprintRole.STUDENT, LESSON, TestEvents.T0 + i,
                            FootprintResult.chat(1 + i % 80));
                    break;
                default:
                    e = TestEvents.simple("h" + i, FootprintVerb.HAND_RAISED, actor, FootprintRole.STUDENT, LESSON, TestEvents.T0 + i);
            }
            sent.add(e);
            sink.record(e);
        }
    }
}
