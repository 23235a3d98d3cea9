package sabaq.signalling.account;

import io.vertx.core.Future;

import java.util.List;
import java.util.UUID;

/** Lessons held for groups. */
public interface GroupLessonRepository {
    Future<Void> save(GroupLesson lesson);

    /** The group's latest lessons, newest first. */
    Future<List<GroupLesson>> byGroup(UUID orgId, UUID groupId, int limit);

    Future<List<GroupLesson>> byOrg(UUID orgId);

    /** Null when unknown. */
    Future<GroupLesson> byId(UUID orgId, String lessonId);
}
