package sabaq.signalling.testing.memory;

import sabaq.common.footprint.AttendanceRow;
import sabaq.common.footprint.CurriculumStore;
import sabaq.common.footprint.Discipline;
import sabaq.common.footprint.DistanceDayRow;
import sabaq.common.footprint.FootprintEvent;
import sabaq.common.footprint.FootprintReports;
import sabaq.common.footprint.FootprintSink;
import sabaq.common.footprint.LessonSummary;
import sabaq.common.footprint.Period;
import sabaq.common.footprint.PersonTotals;
import sabaq.common.footprint.Programme;
import sabaq.common.footprint.ProgrammeShare;
import sabaq.signalling.footprint.FootprintServices;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The footprint in memory, for signalling's tests: the sink keeps events (a replayed id once), the curriculum is a
 * map, and the reports answer event lists; the computed reports (attendance, totals, shares) are the Cassandra
 * implementation's (module recorder) and answer empty here.
 */
public final class MemoryFootprint implements FootprintSink, CurriculumStore, FootprintReports {
    private final Map<UUID, FootprintEvent> events = new ConcurrentHashMap<>();
    private final Map<UUID, Programme> programmes = new ConcurrentHashMap<>();

    public FootprintServices services() {
        return new FootprintServices(this, this, this);
    }

    /** Every recorded event, oldest first. */
    public List<FootprintEvent> events() {
        List<FootprintEvent> out = new ArrayList<>(events.values());
        out.sort(Comparator.comparingLong(FootprintEvent::timestamp).thenComparing(FootprintEvent::eventId));
        return out;
    }

    @Override
    public void record(FootprintEvent event) {
        if (event != null) events.put(event.eventId(), event);
    }

    @Override
    public CompletionStage<List<Programme>> programmes(UUID orgId) {
        List<Programme> out = new ArrayList<>();
        for (Programme p : programmes.values()) if (p.orgId().equals(orgId)) out.add(p);
        out.sort(Comparator.comparing(Programme::name));
        return CompletableFuture.completedFuture(out);
    }

    @Override
    public CompletionStage<Optional<Programme>> programme(UUID orgId, UUID programmeId) {
        Programme p = programmes.get(programmeId);
        return CompletableFuture.completedFuture(p != null && p.orgId().equals(orgId) ? Optional.of(p) : Optional.empty());
    }

    @Override
    public CompletionStage<Void> save(Programme programme) {
        programmes.put(programme.id(), programme);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Boolean> delete(UUID orgId, UUID programmeId) {
        Programme p = programmes.get(programmeId);
        boolean ours = p != null && p.orgId().equals(orgId);
        if (ours) programmes.remove(programmeId);
        return CompletableFuture.completedFuture(ours);
    }

    @Override
    public CompletionStage<Optional<Programme>> programmeOfDiscipline(UUID orgId, UUID disciplineId) {
        for (Programme p : programmes.values()) {
            if (!p.orgId().equals(orgId)) continue;
            for (Discipline d : p.disciplines()) if (d.id().equals(disciplineId)) return CompletableFuture.completedFuture(Optional.of(p));
        }
        return CompletableFuture.completedFuture(Optional.empty());
    }

    @Override
    public CompletionStage<List<AttendanceRow>> lessonAttendance(String lessonId) {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletionStage<List<LessonSummary>> groupLessons(UUID orgId, UUID groupId, Period period) {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletionStage<List<PersonTotals>> studentTotals(UUID orgId, UUID groupId, Period period) {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletionStage<List<PersonTotals>> teacherTotals(UUID orgId, UUID groupId, Period period) {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletionStage<List<ProgrammeShare>> programmeShares(UUID orgId, Period period) {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletionStage<List<DistanceDayRow>> distanceDay(UUID orgId, LocalDate day, ZoneId zone, Map<UUID, Set<String>> expected) {
        List<DistanceDayRow> out = new ArrayList<>();
        for (Map.Entry<UUID, Set<String>> e : new LinkedHashMap<>(expected).entrySet()) {
            out.add(new DistanceDayRow(orgId, e.getKey(), day, e.getValue().size(), 0, new ArrayList<>(e.getValue())));
        }
        return CompletableFuture.completedFuture(out);
    }

    @Override
    public CompletionStage<List<FootprintEvent>> personEvents(String actorId, Period period) {
        List<FootprintEvent> out = new ArrayList<>();
        for (FootprintEvent e : events()) if (e.actor().id().equals(actorId) && period.contains(e.timestamp())) out.add(e);
        return CompletableFuture.completedFuture(out);
    }

    @Override
    public CompletionStage<List<FootprintEvent>> lessonEvents(String lessonId) {
        List<FootprintEvent> out = new ArrayList<>();
        for (FootprintEvent e : events()) if (e.context().lessonId().equals(lessonId)) out.add(e);
        return CompletableFuture.completedFuture(out);
    }
}
