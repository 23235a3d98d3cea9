package sabaq.recorder.footprint;

import sabaq.common.footprint.AttendanceRow;
import sabaq.common.footprint.CurriculumStore;
import sabaq.common.footprint.DistanceDayRow;
import sabaq.common.footprint.FootprintEvent;
import sabaq.common.footprint.FootprintReports;
import sabaq.common.footprint.FootprintRole;
import sabaq.common.footprint.FootprintVerb;
import sabaq.common.footprint.LessonSummary;
import sabaq.common.footprint.Period;
import sabaq.common.footprint.PersonTotals;
import sabaq.common.footprint.Programme;
import sabaq.common.footprint.ProgrammeShare;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link FootprintReports} over the Cassandra tables: the per-lesson table for attendance, the per-group and
 * per-programme session tables (one partition per month) for lesson lists and delivered hours, the per-person-day
 * table for a person's own footprint, the per-lesson attendance summaries ({@link AttendanceSummaries}, one partition
 * per group and month) for student and teacher totals. Partitions are read concurrently; the calculators do the rest
 * in memory.
 */
public final class CassandraFootprintReports implements FootprintReports {
    /** A lesson is shorter than a day: months are read from a day before the period to a day after it. */
    private static final long MARGIN_MS = 86_400_000L;
    /** A person's footprint is read one UTC day at a time: at most this many days per query. */
    public static final int MAX_PERSON_DAYS = 400;
    /** Partition reads one report keeps in flight (see {@link Bounded}). */
    static final int PARALLEL_READS = 64;

    private final CassandraFootprintStore store;
    private final CurriculumStore curriculum;

    public CassandraFootprintReports(CassandraFootprintStore store, CurriculumStore curriculum) {
        this.store = Objects.requireNonNull(store, "store");
        this.curriculum = Objects.requireNonNull(curriculum, "curriculum");
    }

    @Override
    public CompletionStage<List<AttendanceRow>> lessonAttendance(String lessonId) {
        return store.lessonEvents(lessonId).thenApply(events -> AttendanceCalculator.rows(lessonId, events));
    }

    @Override
    public CompletionStage<List<LessonSummary>> groupLessons(UUID orgId, UUID groupId, Period period) {
        return sessions(period, month -> store.groupSessions(orgId, groupId, month)).thenApply(events -> inPeriod(events, period));
    }

    @Override
    public CompletionStage<List<PersonTotals>> studentTotals(UUID orgId, UUID groupId, Period period) {
        return totals(orgId, groupId, period, FootprintRole.STUDENT);
    }

    @Override
    public CompletionStage<List<PersonTotals>> teacherTotals(UUID orgId, UUID groupId, Period period) {
        return totals(orgId, groupId, period, FootprintRole.TEACHER);
    }

    /** Totals from the per-lesson summaries, lessons without a current summary computed from their events. */
    private CompletionStage<List<PersonTotals>> totals(UUID orgId, UUID groupId, Period period, FootprintRole role) {
        return store.summaries().groupRows(orgId, groupId, period, PARALLEL_READS).thenApply(rows -> Totals.sum(rows, role));
    }

    /** The same totals computed from every lesson's events (what the summaries must reproduce exactly). */
    CompletionStage<List<PersonTotals>> totalsFromEvents(UUID orgId, UUID groupId, Period period, FootprintRole role) {
        return groupLessons(orgId, groupId, period).thenCompose(lessons -> {
            List<Supplier<CompletionStage<List<AttendanceRow>>>> reads = new ArrayList<>();
            for (LessonSummary l : lessons) reads.add(() -> lessonAttendance(l.lessonId()));
            return Bounded.all(reads, PARALLEL_READS).thenApply(all -> {
                List<AttendanceRow> rows = new ArrayList<>();
                for (List<AttendanceRow> r : all) rows.addAll(r);
                return Totals.sum(rows, role);
            });
        });
    }

    @Override
    public CompletionStage<List<ProgrammeShare>> programmeShares(UUID orgId, Period period) {
        return curriculum.programmes(orgId).thenCompose(programmes -> {
            List<CompletableFuture<ProgrammeShare>> shares = new ArrayList<>();
            for (Programme p : programmes) {
                shares.add(sessions(period, month -> store.programmeSessions(orgId, p.id(), month))
                        .thenApply(events -> ShareCalculator.share(p, period, SessionCalculator.summaries(events)))
                        .toCompletableFuture());
            }
            return CompletableFuture.allOf(shares.toArray(new CompletableFuture<?>[0])).thenApply(v -> {
                List<ProgrammeShare> out = new ArrayList<>();
                for (CompletableFuture<ProgrammeShare> f : shares) out.add(f.join());
                return out;
            });
        });
    }

    @Override
    public CompletionStage<List<DistanceDayRow>> distanceDay(UUID orgId, LocalDate day, ZoneId zone,
                                                             Map<UUID, Set<String>> expected) {
        long from = day.atStartOfDay(zone).toInstant().toEpochMilli();
        long to = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        Period window = new Period(from, to);
        List<UUID> groups = new ArrayList<>(expected.keySet());
        groups.sort(Comparator.naturalOrder());
        List<CompletableFuture<DistanceDayRow>> rows = new ArrayList<>();
        for (UUID g : groups) {
            rows.add(sessions(window, month -> store.groupSessions(orgId, g, month)).thenApply(events -> {
                Set<String> joined = new HashSet<>();
                for (FootprintEvent e : events) {
                    if (e.verb() == FootprintVerb.JOINED && e.context().role() == FootprintRole.STUDENT && window.contains(e.timestamp())) {
                        joined.add(e.actor().id());
                    }
                }
                Set<String> roster = expected.get(g);
                List<String> absent = new ArrayList<>();
                int connected = 0;
                for (String s : roster) {
                    if (joined.contains(s)) {
                        connected++;
                    } else {
                        absent.add(s);
                    }
                }
                absent.sort(Comparator.naturalOrder());
                return new DistanceDayRow(orgId, g, day, roster.size(), connected, absent);
            }).toCompletableFuture());
        }
        return CompletableFuture.allOf(rows.toArray(new CompletableFuture<?>[0])).thenApply(v -> {
            List<DistanceDayRow> out = new ArrayList<>();
            for (CompletableFuture<DistanceDayRow> f : rows) out.add(f.join());
            return out;
        });
    }

    @Override
    public CompletionStage<List<FootprintEvent>> personEvents(String actorId, Period period) {
        LocalDate first = CassandraFootprintStore.day(period.fromMs());
        LocalDate last = CassandraFootprintStore.day(Math.max(period.fromMs(), period.toMs() - 1));
        List<Supplier<CompletionStage<List<FootprintEvent>>>> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last) && days.size() < MAX_PERSON_DAYS; d = d.plusDays(1)) {
            LocalDate day = d;
            days.add(() -> store.personDay(actorId, day));
        }
        return Bounded.all(days, PARALLEL_READS).thenApply(all -> {
            List<FootprintEvent> out = new ArrayList<>();
            for (List<FootprintEvent> list : all) {
                for (FootprintEvent e : list) if (period.contains(e.timestamp())) out.add(e);
            }
            return out;
        });
    }

    @Override
    public CompletionStage<List<FootprintEvent>> lessonEvents(String lessonId) {
        return store.lessonEvents(lessonId);
    }

    /** The session events of every month touched by the period (with a day's margin on each side). */
    private static CompletableFuture<List<FootprintEvent>> sessions(Period period,
                                                                    Function<String, CompletionStage<List<FootprintEvent>>> month) {
        YearMonth first = YearMonth.from(Instant.ofEpochMilli(period.fromMs() - MARGIN_MS).atZone(ZoneOffset.UTC));
        YearMonth last = YearMonth.from(Instant.ofEpochMilli(period.toMs() + MARGIN_MS).atZone(ZoneOffset.UTC));
        List<CompletableFuture<List<FootprintEvent>>> reads = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) reads.add(month.apply(m.toString()).toCompletableFuture());
        return CompletableFuture.allOf(reads.toArray(new CompletableFuture<?>[0])).thenApply(v -> {
            Map<java.util.UUID, FootprintEvent> all = new LinkedHashMap<>();
            for (CompletableFuture<List<FootprintEvent>> f : reads) for (FootprintEvent e : f.join()) all.put(e.eventId(), e);
            return new ArrayList<>(all.values());
        });
    }

    private static List<LessonSummary> inPeriod(List<FootprintEvent> events, Period period) {
        List<LessonSummary> out = new ArrayList<>();
        for (LessonSummary s : SessionCalculator.summaries(events)) if (period.contains(s.startedAt())) out.add(s);
        return out;
    }
}
