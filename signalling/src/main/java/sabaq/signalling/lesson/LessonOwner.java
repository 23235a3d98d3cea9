package sabaq.signalling.lesson;

import java.util.Objects;
import java.util.UUID;

/**
 * Whose lesson it is, for a lesson a signed-in teacher created for a group: the organisation, the group and the
 * teacher's account, and when the teacher named one, the discipline and its programme (the lesson's footprint context,
 * docs/footprint.md). Guest lessons have none. Personal join links are issued only for lessons with an owner.
 *
 * @param programmeId  null when the lesson names no discipline
 * @param disciplineId null when the lesson names no discipline
 */
public record LessonOwner(UUID orgId, UUID groupId, UUID teacherId, UUID programmeId, UUID disciplineId) {
    public LessonOwner {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(teacherId, "teacherId");
    }

    /** A lesson without a discipline. */
    public LessonOwner(UUID orgId, UUID groupId, UUID teacherId) {
        this(orgId, groupId, teacherId, null, null);
    }
}
