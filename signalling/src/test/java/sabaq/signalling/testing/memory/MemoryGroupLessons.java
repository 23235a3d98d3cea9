package sabaq.signalling.testing.memory;

import io.vertx.core.Future;
import sabaq.signalling.account.GroupLesson;
import sabaq.signalling.account.GroupLessonRepository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** In-memory {@link GroupLessonRepository} for unit tests. */
final class MemoryGroupLessons implements GroupLessonRepository {
    private final List<GroupLesson> lessons = new ArrayList<>();

    @Override
    public synchronized Future<Void> save(GroupLesson l) {
        lessons.removeIf(x -> x.orgId().equals(l.orgId()) && x.lessonId().equals(l.lessonId()));
        lessons.add(l);
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<List<GroupLesson>> byGroup(UUID orgId, UUID groupId, int limit) {
        return Future.succeededFuture(lessons.stream().filter(l -> l.orgId().equals(orgId) && l.groupId().equals(groupId))
                .sorted(Comparator.comparingLong(GroupLesson::createdAt).reversed()).limit(limit).toList());
    }

    @Override
    public synchronized Future<List<GroupLesson>> byOrg(UUID orgId) {
        return Future.succeededFuture(lessons.stream().filter(l -> l.orgId().equals(orgId)).toList());
    }

    @Override
    public synchronized Future<GroupLesson> byId(UUID orgId, String lessonId) {
        return Future.succeededFuture(lessons.stream().filter(l -> l.orgId().equals(orgId) && l.lessonId().equals(lessonId))
                .findFirst().orElse(null));
    }
}
