package sabaq.signalling.lesson;

import java.util.Objects;
import java.util.UUID;

/**
 * Whose lesson it is, for a lesson a signed-in teacher created for a group: the organisation, the group and the
 * teacher's account. Guest lessons have none. Personal join links are issued only for lessons with an owner.
 */
public record LessonOwner(UUID orgId, UUID groupId, UUID teacherId) {
    public LessonOwner {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(teacherId, "teacherId");
    }
}
