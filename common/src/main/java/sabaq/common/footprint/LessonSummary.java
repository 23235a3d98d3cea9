package sabaq.common.footprint;

import java.util.UUID;

/**
 * One lesson session as the footprint saw it: started and ended (LESSON_STARTED / LESSON_ENDED, or the first and last
 * event when those are missing), and {@code deliveredMs}, the time within it when a teacher was present: what counts as
 * delivered academic hours.
 *
 * @param endedAt -1 when the lesson has not ended
 */
public record LessonSummary(String lessonId, UUID orgId, UUID groupId, UUID programmeId, UUID disciplineId,
                            long startedAt, long endedAt, long deliveredMs, String teacherId, String teacherName,
                            int attendees) {
}
