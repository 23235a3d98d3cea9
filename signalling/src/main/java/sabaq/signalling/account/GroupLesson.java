package sabaq.signalling.account;

import java.util.Objects;
import java.util.UUID;

/** A lesson a signed-in teacher started for a group: what "my lessons" lists and the organisation export holds. */
public record GroupLesson(UUID orgId, UUID groupId, String lessonId, String title, UUID teacherId, String teacherName,
                          long createdAt) {
    public GroupLesson {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(lessonId, "lessonId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(teacherId, "teacherId");
        Objects.requireNonNull(teacherName, "teacherName");
    }
}
