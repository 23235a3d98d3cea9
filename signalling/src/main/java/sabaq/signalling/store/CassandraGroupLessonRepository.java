package sabaq.signalling.store;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.vertx.core.Future;
import sabaq.signalling.account.GroupLesson;
import sabaq.signalling.account.GroupLessonRepository;

import java.util.List;
import java.util.UUID;

/** Lessons of groups in Cassandra: by organisation and by group (newest first). */
final class CassandraGroupLessonRepository implements GroupLessonRepository {
    private static final String COLUMNS = "org_id, group_id, lesson_id, title, teacher_id, teacher_name, created_at";

    private final CassandraStore store;
    private final PreparedStatement insertByOrg;
    private final PreparedStatement insertByGroup;
    private final PreparedStatement byGroup;
    private final PreparedStatement byOrg;
    private final PreparedStatement byId;

    CassandraGroupLessonRepository(CassandraStore store) {
        this.store = store;
        insertByOrg = store.prepare("INSERT INTO lessons_by_org (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)");
        insertByGroup = store.prepare("INSERT INTO lessons_by_group (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)");
        byGroup = store.prepare("SELECT " + COLUMNS + " FROM lessons_by_group WHERE org_id = ? AND group_id = ? LIMIT ?");
        byOrg = store.prepare("SELECT " + COLUMNS + " FROM lessons_by_org WHERE org_id = ?");
        byId = store.prepare("SELECT " + COLUMNS + " FROM lessons_by_org WHERE org_id = ? AND lesson_id = ?");
    }

    @Override
    public Future<Void> save(GroupLesson l) {
        Object[] values = {l.orgId(), l.groupId(), l.lessonId(), l.title(), l.teacherId(), l.teacherName(),
            Rows.instant(l.createdAt())};
        return store.executeAll(List.of(insertByOrg.bind(values), insertByGroup.bind(values)));
    }

    @Override
    public Future<List<GroupLesson>> byGroup(UUID orgId, UUID groupId, int limit) {
        return store.all(byGroup.bind(orgId, groupId, limit))
                .map(rows -> rows.stream().map(CassandraGroupLessonRepository::lesson).toList());
    }

    @Override
    public Future<List<GroupLesson>> byOrg(UUID orgId) {
        return store.all(byOrg.bind(orgId)).map(rows -> rows.stream().map(CassandraGroupLessonRepository::lesson).toList());
    }

    @Override
    public Future<GroupLesson> byId(UUID orgId, String lessonId) {
        return store.one(byId.bind(orgId, lessonId)).map(r -> r == null ? null : lesson(r));
    }

    private static GroupLesson lesson(Row r) {
        return new GroupLesson(r.getUuid("org_id"), r.getUuid("group_id"), r.getString("lesson_id"), r.getString("title"),
                r.getUuid("teacher_id"), r.getString("teacher_name"), Rows.millis(r, "created_at"));
    }
}
