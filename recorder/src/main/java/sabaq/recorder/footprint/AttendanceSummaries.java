package sabaq.recorder.footprint;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import sabaq.common.footprint.AttendanceRow;
import sabaq.common.footprint.FootprintContext;
import sabaq.common.footprint.FootprintEvent;
import sabaq.common.footprint.FootprintRole;
import sabaq.common.footprint.FootprintVerb;
import sabaq.common.footprint.LessonSummary;
import sabaq.common.footprint.Period;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Per-lesson attendance summaries in {@code attendance_by_group_month} (docs/footprint.md section 2.1): an ended
 * lesson's {@link AttendanceCalculator} rows computed once from its events, so that totals over a period read one
 * partition per group and month instead of every lesson's events.
 *
 * <p>How a summary stays exact: after a batch of events is acknowledged, {@link #afterWrite} writes, per lesson and month the
 * batch touched, a {@code mark} entry with a new random id. {@link #summarise} reads the marks of the lesson first, then
 * its events, and stores the rows ({@link AttendanceRowsCodec}, one cell: a summary is written in one piece) with the
 * set of marks it read ({@code sources}). A summary is used only while every
 * mark of its lesson is in its sources: an event written later (a journal replayed after an outage) comes with a new
 * mark, which makes the summary stale until it is recomputed; an event being written while the summary is computed
 * has its mark written only after it is readable, so either the summary saw it or its mark is not in the sources.
 * A recompute overwrites the same entry.
 */
final class AttendanceSummaries {
    static final String MARK = "mark";
    static final String SUMMARY = "summary";
    private static final long DAY_MS = 86_400_000L;

    /** A lesson's start and rows, from a summary or from its events. */
    record LessonRows(String lessonId, long startedAt, List<AttendanceRow> rows) {
    }

    private static final class Stored {
        final Set<UUID> marks = new HashSet<>();
        long around = Long.MIN_VALUE;
        Set<UUID> sources;
        long startedAt;
        List<AttendanceRow> rows;
    }

    private final CqlSession session;
    private final Function<String, CompletionStage<List<FootprintEvent>>> lessonEvents;
    private final PreparedStatement insertMark;
    private final PreparedStatement insertSummary;
    private final PreparedStatement marksOf;
    private final PreparedStatement partition;
    private final AtomicLong computed = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    AttendanceSummaries(CqlSession session, Function<String, CompletionStage<List<FootprintEvent>>> lessonEvents) {
        this.session = session;
        this.lessonEvents = lessonEvents;
        String into = "INSERT INTO attendance_by_group_month (org_id, group_id, month, lesson_id, entry, ";
        insertMark = session.prepare(into + "mark, marked_at) VALUES (?, ?, ?, ?, '" + MARK + "', ?, ?)");
        insertSummary = session.prepare(into + "sources, started_at, ended_at, rows) VALUES (?, ?, ?, ?, '" + SUMMARY
                + "', ?, ?, ?, ?)");
        marksOf = session.prepare("SELECT mark FROM attendance_by_group_month WHERE org_id = ? AND group_id = ? AND month = ? "
                + "AND lesson_id = ? AND entry = '" + MARK + "'");
        partition = session.prepare("SELECT lesson_id, entry, mark, marked_at, sources, started_at, rows "
                + "FROM attendance_by_group_month WHERE org_id = ? AND group_id = ? AND month = ?");
    }

    /** Summaries computed from events (at a lesson's end, or because none was usable when a report read it). */
    long computed() {
        return computed.get();
    }

    /** Summaries that could not be computed or stored (the next report computes them again). */
    long failures() {
        return failures.get();
    }

    /**
     * After {@code events} are acknowledged: a new mark for each lesson and month they touch, then the summary of
     * each lesson they end. Completes when the marks are written; a failed summary only counts in {@link #failures}.
     */
    CompletionStage<Void> afterWrite(List<FootprintEvent> events) {
        Map<List<Object>, BoundStatement> marks = new LinkedHashMap<>();
        Map<String, FootprintEvent> ended = new LinkedHashMap<>();
        for (FootprintEvent e : events) {
            FootprintContext c = e.context();
            if (c.groupId() == null || c.orgId() == null || e.verb() == FootprintVerb.RECORDING_WATCHED) continue;
            String month = CassandraFootprintStore.month(e.timestamp());
            marks.putIfAbsent(List.of(c.orgId(), c.groupId(), month, c.lessonId()),
                    insertMark.bind(c.orgId(), c.groupId(), month, c.lessonId(), UUID.randomUUID(), e.timestamp()).setIdempotent(true));
            if (e.verb() == FootprintVerb.LESSON_ENDED) ended.put(c.lessonId(), e);
        }
        List<Supplier<CompletionStage<Object>>> writes = new ArrayList<>();
        for (BoundStatement s : marks.values()) writes.add(() -> session.executeAsync(s).thenApply(rs -> (Object) rs));
        return Bounded.all(writes, CassandraFootprintStore.MAX_REQUESTS_PER_WRITE).thenCompose(v -> {
            List<CompletionStage<?>> summaries = new ArrayList<>();
            for (FootprintEvent e : ended.values()) {
                summaries.add(summarise(e.context().lessonId(), e.context().orgId(), e.context().groupId(), e.timestamp())
                        .exceptionally(error -> {
                            failures.incrementAndGet();
                            return Optional.empty();
                        }));
            }
            return Cql.allOf(summaries);
        });
    }

    /**
     * The lesson's rows computed from its events, stored as its summary when it has ended. {@code around} is any
     * time within the lesson (lessons are shorter than a day). Empty when the lesson has no session event of the group.
     */
    CompletionStage<Optional<LessonRows>> summarise(String lessonId, UUID org, UUID group, long around) {
        List<CompletableFuture<List<UUID>>> reads = new ArrayList<>();
        for (String month : months(around - 2 * DAY_MS, around + 2 * DAY_MS)) {
            reads.add(Cql.all(session, marksOf.bind(org, group, month, lessonId), r -> r.getUuid("mark")).toCompletableFuture());
        }
        return CompletableFuture.allOf(reads.toArray(new CompletableFuture<?>[0])).thenCompose(v -> {
            Set<UUID> sources = new HashSet<>();
            for (CompletableFuture<List<UUID>> f : reads) sources.addAll(f.join());
            return lessonEvents.apply(lessonId).thenCompose(events -> store(lessonId, org, group, sources, events));
        });
    }

    private CompletionStage<Optional<LessonRows>> store(String lessonId, UUID org, UUID group, Set<UUID> sources,
                                                        List<FootprintEvent> events) {
        List<FootprintEvent> sessionEvents = new ArrayList<>();
        for (FootprintEvent e : events) {
            if (CassandraFootprintStore.isSessionEvent(e.verb()) && group.equals(e.context().groupId())
                    && org.equals(e.context().orgId())) {
                sessionEvents.add(e);
            }
        }
        if (sessionEvents.isEmpty()) return CompletableFuture.completedFuture(Optional.empty());
        LessonSummary lesson = SessionCalculator.summaries(sessionEvents).get(0);
        List<AttendanceRow> rows = AttendanceCalculator.rows(lessonId, events);
        Optional<LessonRows> out = Optional.of(new LessonRows(lessonId, lesson.startedAt(), rows));
        computed.incrementAndGet();
        if (lesson.endedAt() < 0) return CompletableFuture.completedFuture(out);
        BoundStatement summary = insertSummary.bind(org, group, CassandraFootprintStore.month(lesson.startedAt()), lessonId,
                sources, lesson.startedAt(), lesson.endedAt(), AttendanceRowsCodec.encode(rows)).setIdempotent(true);
        // A summary that could not be stored is only missing: the rows are right, the next report computes it again.
        return session.executeAsync(summary).handle((rs, error) -> {
            if (error != null) failures.incrementAndGet();
            return out;
        });
    }

    /**
     * The rows of every lesson of the group that started in the period, lessons ordered by start then id, each
     * lesson's rows in {@link AttendanceCalculator#ORDER}: from summaries where they are current, else computed from
     * the lesson's events (and stored when the lesson has ended).
     */
    CompletionStage<List<AttendanceRow>> groupRows(UUID org, UUID group, Period period, int parallel) {
        List<CompletableFuture<List<Row>>> reads = new ArrayList<>();
        for (String month : months(period.fromMs() - DAY_MS, period.toMs() + DAY_MS)) {
            reads.add(Cql.all(session, partition.bind(org, group, month), r -> r).toCompletableFuture());
        }
        return CompletableFuture.allOf(reads.toArray(new CompletableFuture<?>[0])).thenCompose(v -> {
            Map<String, Stored> lessons = new LinkedHashMap<>();
            for (CompletableFuture<List<Row>> f : reads) for (Row r : f.join()) collect(lessons, r);
            List<LessonRows> ready = new ArrayList<>();
            List<Supplier<CompletionStage<Optional<LessonRows>>>> missing = new ArrayList<>();
            for (Map.Entry<String, Stored> entry : lessons.entrySet()) {
                Stored s = entry.getValue();
                if (s.sources != null && s.sources.containsAll(s.marks)) {
                    ready.add(new LessonRows(entry.getKey(), s.startedAt, s.rows));
                } else if (s.around != Long.MIN_VALUE) {
                    missing.add(() -> summarise(entry.getKey(), org, group, s.around));
                }
            }
            return Bounded.all(missing, parallel).thenApply(computedRows -> {
                for (Optional<LessonRows> l : computedRows) l.ifPresent(ready::add);
                ready.sort(Comparator.comparingLong(LessonRows::startedAt).thenComparing(LessonRows::lessonId));
                List<AttendanceRow> out = new ArrayList<>();
                for (LessonRows l : ready) if (period.contains(l.startedAt())) out.addAll(l.rows());
                return out;
            });
        });
    }

    private static void collect(Map<String, Stored> lessons, Row r) {
        String lessonId = r.getString("lesson_id");
        Stored s = lessons.computeIfAbsent(lessonId, k -> new Stored());
        String entry = r.getString("entry");
        if (MARK.equals(entry)) {
            s.marks.add(r.getUuid("mark"));
            s.around = r.getLong("marked_at");
        } else if (SUMMARY.equals(entry)) {
            s.startedAt = r.getLong("started_at");
            s.around = s.startedAt;
            s.rows = AttendanceRowsCodec.decode(lessonId, r.getByteBuffer("rows")).orElse(null);
            // A summary whose rows cannot be read is no summary: the lesson is computed from its events again.
            s.sources = s.rows == null ? null : r.getSet("sources", UUID.class);
        }
    }

    /** The UTC months ({@code yyyy-MM}) from the one of {@code fromMs} to the one of {@code toMs}. */
    static List<String> months(long fromMs, long toMs) {
        List<String> out = new ArrayList<>();
        YearMonth last = YearMonth.from(Instant.ofEpochMilli(toMs).atZone(ZoneOffset.UTC));
        for (YearMonth m = YearMonth.from(Instant.ofEpochMilli(fromMs).atZone(ZoneOffset.UTC)); !m.isAfter(last); m = m.plusMonths(1)) {
            out.add(m.toString());
        }
        return out;
    }
}
