package sabaq.common.footprint;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * The monitors' reports over the stored footprint (docs/footprint.md). Every method is asynchronous and never blocks
 * the caller; access checks are the caller's (signalling's footprint routes). The stored implementation is
 * {@code sabaq.recorder.footprint.CassandraFootprintReports}.
 */
public interface FootprintReports {

    /** Every person in one lesson, ordered by role (teachers first) then name. */
    CompletionStage<List<AttendanceRow>> lessonAttendance(String lessonId);

    /** The lessons of a group that started in the period, oldest first. */
    CompletionStage<List<LessonSummary>> groupLessons(UUID orgId, UUID groupId, Period period);

    /** Sums per student over the group's lessons in the period, ordered by name. */
    CompletionStage<List<PersonTotals>> studentTotals(UUID orgId, UUID groupId, Period period);

    /** Sums per teacher over the group's lessons in the period, ordered by name. */
    CompletionStage<List<PersonTotals>> teacherTotals(UUID orgId, UUID groupId, Period period);

    /** The synchronous and distance shares of every programme of the organisation, for lessons in the period. */
    CompletionStage<List<ProgrammeShare>> programmeShares(UUID orgId, Period period);

    /**
     * The distance-day count of each class: {@code expected} maps a group to its students' account ids; {@code day}
     * is a calendar day in {@code zone}.
     */
    CompletionStage<List<DistanceDayRow>> distanceDay(UUID orgId, LocalDate day, ZoneId zone,
                                                      Map<UUID, Set<String>> expected);

    /** One person's own events in the period, oldest first (what a student or a parent sees). */
    CompletionStage<List<FootprintEvent>> personEvents(String actorId, Period period);

    /** Every event of one lesson, oldest first (the lesson's xAPI export). */
    CompletionStage<List<FootprintEvent>> lessonEvents(String lessonId);
}
