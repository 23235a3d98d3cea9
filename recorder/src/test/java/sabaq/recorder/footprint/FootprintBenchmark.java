package sabaq.recorder.footprint;

import com.datastax.oss.driver.api.core.CqlSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sabaq.common.cassandra.CassandraExtension;
import sabaq.common.cassandra.ForkedCassandra;
import sabaq.common.footprint.Discipline;
import sabaq.common.footprint.FootprintActor;
import sabaq.common.footprint.FootprintContext;
import sabaq.common.footprint.FootprintEvent;
import sabaq.common.footprint.FootprintResult;
import sabaq.common.footprint.FootprintRole;
import sabaq.common.footprint.FootprintVerb;
import sabaq.common.footprint.HourFormat;
import sabaq.common.footprint.Period;
import sabaq.common.footprint.PersonTotals;
import sabaq.common.footprint.Programme;
import sabaq.common.footprint.ProgrammeKind;
import sabaq.common.footprint.ProgrammeShare;
import sabaq.common.test.Poll;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * BENCHMARKS.md "Digital footprint": a semester of an online programme with 500 students (20 groups of 25, one 90-minute
 * lesson per group per school day for 18 weeks, 154 events per lesson) goes through the durable sink, the journal and
 * the writer into a durable (group-commit) forked single-node Cassandra; measured: sustained events/s, the p50/p99
 * latency of a writer batch, then the report queries over the semester (student totals from the attendance summaries,
 * then checked equal to the totals computed from every lesson's events). Not in the default run (tag benchmark):
 * <pre>mvn -o -pl common,recorder test -Dtest=FootprintBenchmark -Dsurefire.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * {@code -Dbench.weeks=N} shortens the semester.
 */
@Tag("benchmark")
class FootprintBenchmark {
    private static final long MIN = 60_000L;
    private static final int GROUPS = 20;
    private static final int STUDENTS = 25;

    @TempDir
    Path journalDir;

    /** Times each store write (one writer batch). */
    static final class TimedStore implements FootprintStore {
        final FootprintStore inner;
        final ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();

        TimedStore(FootprintStore inner) {
            this.inner = inner;
        }

        @Override
        public CompletionStage<Void> write(List<FootprintEvent> events) {
            long t0 = System.nanoTime();
            return inner.write(events).whenComplete((v, e) -> micros.add((System.nanoTime() - t0) / 1000));
        }
    }

    @Test
    void semesterOfAProgramme() throws Exception {
        int weeks = Integer.getInteger("bench.weeks", 18);
        Path runner = Path.of(System.getProperty(CassandraExtension.RUNNER_DIR_PROPERTY));
        Path runDir = Path.of("target", "cassandra-bench-" + ProcessHandle.current().pid());
        ForkedCassandra.deleteTree(runDir);
        ForkedCassandra server = ForkedCassandra.builder(runner, runDir).heapMb(512).start();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (CqlSession session = TestCassandra.connect(server.contactPoint(), Duration.ofSeconds(20))) {
            CassandraFootprintStore store = CassandraFootprintStore.open(session);
            CassandraCurriculumStore curriculum = new CassandraCurriculumStore(session);
            UUID org = UUID.randomUUID();
            UUID programmeId = UUID.randomUUID();
            UUID discipline = UUID.randomUUID();
            List<UUID> groups = new ArrayList<>();
            for (int g = 0; g < GROUPS; g++) groups.add(UUID.randomUUID());
            curriculum.save(new Programme(org, programmeId, "Bench programme", ProgrammeKind.ONLINE_TVET, groups,
                    List.of(new Discipline(discipline, "Everything", Map.of(HourFormat.SYNCHRONOUS, 400, HourFormat.ASYNCHRONOUS, 600), false))))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);

            TimedStore timed = new TimedStore(store);
            FootprintJournal journal = FootprintJournal.open(journalDir, 1L << 30, 16 << 20);
            FootprintWriter writer = new FootprintWriter(journal, timed, scheduler, Integer.getInteger("bench.batch", 2000), 4, Duration.ofMillis(50), Duration.ofSeconds(2));
            DurableFootprintSink sink = new DurableFootprintSink(journal, 65_536, writer::wake);
            writer.start(Duration.ofMillis(20));

            long semesterStart = LocalDate.of(2026, 9, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            long t0 = System.nanoTime();
            long sent = 0;
            for (int week = 0; week < weeks; week++) {
                for (int day = 0; day < 5; day++) {
                    long dayStart = semesterStart + (week * 7L + day) * 86_400_000L;
                    for (int g = 0; g < GROUPS; g++) {
                        long start = dayStart + (3 + g % 6) * 60 * MIN;
                        sent += lesson(sink, org, programmeId, discipline, groups.get(g), g, "W" + week + "D" + day + "G" + g, start);
                    }
                }
            }
            long total = sent;
            Poll.until(Duration.ofMinutes(30), Duration.ofMillis(100), () -> journal.appended() == total && journal.pending() == 0,
                    done -> done, "the semester written");
            double seconds = (System.nanoTime() - t0) / 1e9;
            long[] lat = timed.micros.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("BENCH footprint write: %d events in %.1f s = %.0f events/s; batch write latency p50 %.1f ms, "
                            + "p99 %.1f ms, max %.1f ms over %d batches; dropped %d; failures %d%n", total, seconds, total / seconds,
                    pct(lat, 50) / 1000.0, pct(lat, 99) / 1000.0, lat[lat.length - 1] / 1000.0, lat.length, sink.dropped(), writer.failures());
            assertEquals(0, sink.dropped());

            CassandraFootprintReports reports = new CassandraFootprintReports(store, curriculum);
            Period semester = new Period(semesterStart, semesterStart + weeks * 7L * 86_400_000L);
            for (int run = 0; run < 4; run++) {
                try {
                    reportRun(reports, org, groups, semester, run, weeks);
                } catch (java.util.concurrent.ExecutionException e) {
                    System.out.printf("BENCH footprint reports run %d failed: %s; server alive: %s; its log ends:%n%s%n", run,
                            e.getCause(), server.isAlive(), tail(server.outputLog()));
                }
            }
            // The same totals from every lesson's events (the computation before the summaries), checked equal.
            for (int run = 0; run < 2; run++) {
                long e0 = System.nanoTime();
                for (UUID g : groups) {
                    List<PersonTotals> fromEvents = reports.totalsFromEvents(org, g, semester, FootprintRole.STUDENT)
                            .toCompletableFuture().get(120, TimeUnit.SECONDS);
                    assertEquals(fromEvents, reports.studentTotals(org, g, semester).toCompletableFuture().get(60, TimeUnit.SECONDS));
                }
                System.out.printf("BENCH footprint totals of all students from events (checked equal to the summaries) "
                        + "run %d: %.0f ms (with the summary reads)%n", run, (System.nanoTime() - e0) / 1e6);
            }
            System.out.printf("BENCH footprint summaries computed %d, failed %d%n", store.summaries().computed(),
                    store.summaries().failures());
            sink.close();
            writer.close();
            journal.close();
        } finally {
            scheduler.shutdownNow();
            server.close();
            ForkedCassandra.deleteTree(runDir);
        }
    }

    private static void reportRun(CassandraFootprintReports reports, UUID org, List<UUID> groups, Period semester, int run,
                                  int weeks) throws Exception {
        long q0 = System.nanoTime();
        List<ProgrammeShare> shares = reports.programmeShares(org, semester).toCompletableFuture().get(60, TimeUnit.SECONDS);
        long q1 = System.nanoTime();
        int students = 0;
        for (UUID g : groups) students += reports.studentTotals(org, g, semester).toCompletableFuture().get(120, TimeUnit.SECONDS).size();
        long q2 = System.nanoTime();
        List<PersonTotals> one = reports.studentTotals(org, groups.get(0), semester).toCompletableFuture().get(60, TimeUnit.SECONDS);
        long q3 = System.nanoTime();
        System.out.printf("BENCH footprint reports run %d: programme shares %.0f ms (%.1f h delivered); totals of all %d "
                        + "students (group after group) %.0f ms; one group's totals %.0f ms (%d students, %d lessons each)%n", run,
                (q1 - q0) / 1e6, shares.get(0).deliveredSynchronousHours(), students, (q2 - q1) / 1e6, (q3 - q2) / 1e6,
                one.size(), one.get(0).lessons());
        assertEquals(GROUPS * STUDENTS, students);
        assertEquals(weeks * 5 * GROUPS * 2.0, shares.get(0).deliveredSynchronousHours(), 1e-6);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    /** One 90-minute lesson: 4 lesson/teacher events and 6 per student (join, camera, mic, spoke, chat, leave). */
    private static int lesson(DurableFootprintSink sink, UUID org, UUID programme, UUID discipline, UUID group, int g,
                              String lessonId, long start) {
        int n = 0;
        n += emit(sink, lessonId, "t" + g, FootprintRole.TEACHER, FootprintVerb.LESSON_STARTED, start, null, org, group, programme, discipline);
        n += emit(sink, lessonId, "t" + g, FootprintRole.TEACHER, FootprintVerb.JOINED, start, null, org, group, programme, discipline);
        for (int s = 0; s < STUDENTS; s++) {
            String who = "g" + g + "s" + s;
            long j = start + (s % 5) * MIN;
            n += emit(sink, lessonId, who, FootprintRole.STUDENT, FootprintVerb.JOINED, j, null, org, group, programme, discipline);
            n += emit(sink, lessonId, who, FootprintRole.STUDENT, FootprintVerb.CAMERA_ON, j + 1000, null, org, group, programme, discipline);
            n += emit(sink, lessonId, who, FootprintRole.STUDENT, FootprintVerb.MIC_ON, j + 2000, null, org, group, programme, discipline);
            n += emit(sink, lessonId, who, FootprintRole.STUDENT, FootprintVerb.SPOKE, j + 10 * MIN, FootprintResult.spoke(15_000), org, group, programme, discipline);
            n += emit(sink, lessonId, who, FootprintRole.STUDENT, FootprintVerb.CHAT_SENT, j + 20 * MIN, FootprintResult.chat(40), org, group, programme, discipline);
            n += emit(sink, lessonId, who, FootprintRole.STUDENT, FootprintVerb.LEFT, start + (80 + s % 10) * MIN, null, org, group, programme, discipline);
        }
        n += emit(sink, lessonId, "t" + g, FootprintRole.TEACHER, FootprintVerb.LEFT, start + 90 * MIN, null, org, group, programme, discipline);
        n += emit(sink, lessonId, "t" + g, FootprintRole.TEACHER, FootprintVerb.LESSON_ENDED, start + 90 * MIN, null, org, group, programme, discipline);
        return n;
    }

    private static int emit(DurableFootprintSink sink, String lesson, String who, FootprintRole role, FootprintVerb verb, long at,
                            FootprintResult result, UUID org, UUID group, UUID programme, UUID discipline) {
        while (sink.queued() > 60_000) LockSupport.parkNanos(200_000);
        sink.record(FootprintEvent.check(verb.wireName(), verb, new FootprintActor(who, who, false), lesson, at,
                new FootprintContext(lesson, org, group, programme, discipline, role), result).orThrow());
        return 1;
    }
}
