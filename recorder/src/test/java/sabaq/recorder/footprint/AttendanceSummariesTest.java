package sabaq.recorder.footprint;

import com.datastax.oss.driver.api.core.cql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.common.cassandra.CassandraExtension;
import sabaq.common.footprint.FootprintEvent;
import sabaq.common.footprint.FootprintResult;
import sabaq.common.footprint.FootprintRole;
import sabaq.common.footprint.FootprintVerb;
import sabaq.common.footprint.Period;
import sabaq.common.footprint.PersonTotals;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Totals read from the attendance summaries equal totals computed from the raw events, late events included. */
@ExtendWith(CassandraExtension.class)
class AttendanceSummariesTest {
    private static final long MIN = 60_000L;
    private static final long DAY = 86_400_000L;
    /** The period's first day, 2026-11-28; a lesson at 23:00 on the 30th runs into December (two month partitions). */
    private static final long START = LocalDate.of(2026, 11, 28).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    private static final Period PERIOD = new Period(START, START + 6 * DAY);
    private CassandraFootprintStore store;
    private CassandraFootprintReports reports;

    @BeforeEach
    void fresh() {
        TestCassandra.truncateAll();
        store = TestCassandra.store();
        reports = new CassandraFootprintReports(store, new CassandraCurriculumStore(store.session()));
    }

    private static <T> T await(CompletionStage<T> s) throws Exception {
        return s.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /**
     * A lesson of random events (every verb, people with several roles and rejoins) between its start and its end at
     * {@code start + 90 min}; {@code ended} false leaves it running.
     */
    private static List<FootprintEvent> lesson(Random r, String id, long start, boolean ended) {
        List<FootprintEvent> out = new ArrayList<>();
        out.add(TestEvents.simple(id + "s", FootprintVerb.LESSON_STARTED, "t1", FootprintRole.TEACHER, id, start));
        out.add(TestEvents.simple(id + "j", FootprintVerb.JOINED, "t1", FootprintRole.TEACHER, id, start));
        for (int i = 0; i < 160; i++) {
            FootprintVerb verb = FootprintVerb.values()[r.nextInt(FootprintVerb.values().length)];
            if (verb == FootprintVerb.LESSON_STARTED || verb == FootprintVerb.LESSON_ENDED) verb = FootprintVerb.JOINED;
            FootprintResult result = FootprintResult.NONE;
            if (verb == FootprintVerb.SPOKE) result = FootprintResult.spoke(1 + r.nextInt(60_000));
            if (verb == FootprintVerb.CHAT_SENT) result = FootprintResult.chat(1 + r.nextInt(100));
            if (verb == FootprintVerb.CONNECTION_QUALITY || verb == FootprintVerb.RECORDING_WATCHED) verb = FootprintVerb.HAND_RAISED;
            FootprintRole role = r.nextInt(8) == 0 ? FootprintRole.OBSERVER : FootprintRole.STUDENT;
            out.add(TestEvents.event(id + "e" + i, verb, "p" + r.nextInt(12), role, id, start + 1 + r.nextInt(89) * MIN, result));
        }
        if (ended) out.add(TestEvents.simple(id + "x", FootprintVerb.LESSON_ENDED, "t1", FootprintRole.TEACHER, id, start + 90 * MIN));
        return out;
    }

    /** Writes in batches of 97 events, oldest first (as lessons emit them) or, for a replay, in a random order. */
    private void writeInBatches(Random r, List<FootprintEvent> events, boolean shuffle) throws Exception {
        List<FootprintEvent> shuffled = new ArrayList<>(events);
        if (shuffle) {
            Collections.shuffle(shuffled, r);
        } else {
            shuffled.sort(Comparator.comparingLong(FootprintEvent::timestamp));
        }
        for (int i = 0; i < shuffled.size(); i += 97) await(store.write(shuffled.subList(i, Math.min(shuffled.size(), i + 97))));
    }

    private void assertSameTotals() throws Exception {
        for (FootprintRole role : List.of(FootprintRole.STUDENT, FootprintRole.TEACHER)) {
            List<PersonTotals> fromEvents = await(reports.totalsFromEvents(TestEvents.ORG, TestEvents.GROUP, PERIOD, role));
            List<PersonTotals> fromSummaries = await(role == FootprintRole.STUDENT
                    ? reports.studentTotals(TestEvents.ORG, TestEvents.GROUP, PERIOD)
                    : reports.teacherTotals(TestEvents.ORG, TestEvents.GROUP, PERIOD));
            assertTrue(!fromEvents.isEmpty());
            assertEquals(fromEvents, fromSummaries, role + " totals");
        }
    }

    private long summaryHeaders() {
        long n = 0;
        for (Row row : store.session().execute("SELECT entry FROM attendance_by_group_month")) {
            if (AttendanceSummaries.SUMMARY.equals(row.getString("entry"))) n++;
        }
        return n;
    }

    @Test
    void totalsFromSummariesEqualTotalsFromEventsIncludingLateEvents() throws Exception {
        Random r = new Random(20261123);
        List<FootprintEvent> all = new ArrayList<>();
        // Four ended lessons, one at 23:00 UTC on 30 November running into December; one running lesson; one of
        // another day outside the period.
        all.addAll(lesson(r, "MON", START + 2 * DAY + 23 * 60 * MIN, true));
        all.addAll(lesson(r, "TUE", START + 3 * DAY + 9 * 60 * MIN, true));
        all.addAll(lesson(r, "TUE2", START + 3 * DAY + 11 * 60 * MIN, true));
        all.addAll(lesson(r, "WED", START + 4 * DAY + 9 * 60 * MIN, true));
        all.addAll(lesson(r, "RUN", START + 5 * DAY + 9 * 60 * MIN, false));
        all.addAll(lesson(r, "OUT", START + 9 * DAY, true));
        writeInBatches(r, all, false);
        assertEquals(5, summaryHeaders(), "the ended lessons are summarised when their end is written");

        long before = store.summaries().computed();
        assertSameTotals();
        assertEquals(2, store.summaries().computed() - before, "only the running lesson is computed from its events (for "
                + "the students' and the teachers' totals)");

        // A journal replayed after an outage: the ended lessons' events again (idempotent) and new late events,
        // written after the summaries.
        List<PersonTotals> old = await(reports.studentTotals(TestEvents.ORG, TestEvents.GROUP, PERIOD));
        List<FootprintEvent> late = new ArrayList<>();
        late.add(TestEvents.simple("late1", FootprintVerb.JOINED, "latecomer", FootprintRole.STUDENT, "TUE", START + 3 * DAY + 10 * 60 * MIN));
        late.add(TestEvents.event("late2", FootprintVerb.CHAT_SENT, "p1", FootprintRole.STUDENT, "MON",
                START + 3 * DAY + 10 * MIN, FootprintResult.chat(4)));
        await(store.write(late));
        before = store.summaries().computed();
        List<PersonTotals> now = await(reports.studentTotals(TestEvents.ORG, TestEvents.GROUP, PERIOD));
        assertNotEquals(old, now, "the late events count");
        assertEquals(3, store.summaries().computed() - before, "the two stale summaries and the running lesson are recomputed");
        assertSameTotals();

        // The recomputed summaries are current again, and a replay of everything changes nothing but the marks.
        before = store.summaries().computed();
        assertSameTotals();
        assertEquals(2, store.summaries().computed() - before);
        // A replay in any order makes summaries stale (new marks) until recomputed; the totals stay exact.
        writeInBatches(r, all, true);
        before = store.summaries().computed();
        assertSameTotals();
        assertTrue(store.summaries().computed() - before > 2, "stale summaries recomputed");
        assertEquals(5, summaryHeaders());
    }

    @Test
    void aLessonWithoutSummaryIsSummarisedOnFirstRead() throws Exception {
        Random r = new Random(7);
        writeInBatches(r, lesson(r, "TUE", START + 3 * DAY + 9 * 60 * MIN, true), false);
        store.session().execute("DELETE FROM attendance_by_group_month WHERE org_id = ? AND group_id = ? AND month = ? "
                + "AND lesson_id = 'TUE' AND entry = ?", TestEvents.ORG, TestEvents.GROUP, "2026-12", AttendanceSummaries.SUMMARY);
        assertEquals(0, summaryHeaders());
        long before = store.summaries().computed();
        assertSameTotals();
        assertEquals(1, store.summaries().computed() - before, "computed once from events, then read from the summary");
        assertEquals(1, summaryHeaders());
    }
}
