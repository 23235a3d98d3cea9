package sabaq.recorder.footprint;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import sabaq.common.footprint.FootprintActor;
import sabaq.common.footprint.FootprintContext;
import sabaq.common.footprint.FootprintEvent;
import sabaq.common.footprint.FootprintResult;
import sabaq.common.footprint.FootprintRole;
import sabaq.common.footprint.FootprintVerb;
import sabaq.common.footprint.QualitySample;
import sabaq.common.footprint.WatchedRange;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The footprint tables in Cassandra (docs/footprint.md section 2): every event goes to {@code footprint_by_lesson}
 * and {@code footprint_by_person_day}; session events (lesson start/end, joins and leaves) also to
 * {@code footprint_sessions_by_group} and, for teachers and the lesson start/end, {@code footprint_sessions_by_programme}.
 * Rows are keyed by the event's timestamp and id, so a replayed event overwrites itself. A batch is written as
 * unlogged batches of rows of one partition each (one round trip per partition, no batch log). Once a batch is
 * acknowledged, {@link AttendanceSummaries} marks the lessons it touched and summarises the lessons it ended.
 *
 * <p>{@link #open} applies {@code cql/footprint.cql} and prepares the statements: blocking, call it at start-up on a
 * worker thread, with a session whose keyspace is set ({@code USE}) — the same session as the accounts.
 */
public final class CassandraFootprintStore implements FootprintStore {
    static final int ROWS_PER_BATCH = 40;
    /** Requests one {@link #write} keeps in flight: with a few writer batches in flight, well under 1024 stream ids. */
    static final int MAX_REQUESTS_PER_WRITE = 128;
    private static final String SCHEMA = "cql/footprint.cql";
    private static final String DATA = "verb, actor_name, guest, object_id, org_id, group_id, programme_id, discipline_id, role, "
            + "duration_ms, chat_length, watched, q_score, q_loss, q_rtt, q_jitter";

    private final CqlSession session;
    private final PreparedStatement insertByLesson;
    private final PreparedStatement insertByPerson;
    private final PreparedStatement insertGroupSession;
    private final PreparedStatement insertProgrammeSession;
    private final PreparedStatement byLesson;
    private final PreparedStatement byPersonDay;
    private final PreparedStatement groupSessions;
    private final PreparedStatement programmeSessions;
    private final AttendanceSummaries summaries;

    private CassandraFootprintStore(CqlSession session) {
        this.session = session;
        insertByLesson = session.prepare("INSERT INTO footprint_by_lesson (lesson_id, ts, event_id, actor_id, " + DATA
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insertByPerson = session.prepare("INSERT INTO footprint_by_person_day (actor_id, day, ts, event_id, lesson_id, "
                + DATA + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insertGroupSession = session.prepare("INSERT INTO footprint_sessions_by_group (org_id, group_id, month, ts, "
                + "event_id, verb, lesson_id, actor_id, actor_name, guest, programme_id, discipline_id, role) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insertProgrammeSession = session.prepare("INSERT INTO footprint_sessions_by_programme (org_id, programme_id, "
                + "month, ts, event_id, verb, lesson_id, actor_id, actor_name, guest, group_id, discipline_id, role) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        String select = "SELECT lesson_id, ts, event_id, actor_id, " + DATA;
        byLesson = session.prepare(select + " FROM footprint_by_lesson WHERE lesson_id = ?");
        byPersonDay = session.prepare(select + " FROM footprint_by_person_day WHERE actor_id = ? AND day = ?");
        String sessionCols = "SELECT ts, event_id, verb, lesson_id, actor_id, actor_name, guest, discipline_id, role, ";
        groupSessions = session.prepare(sessionCols + "org_id, group_id, programme_id FROM footprint_sessions_by_group "
                + "WHERE org_id = ? AND group_id = ? AND month = ?");
        programmeSessions = session.prepare(sessionCols + "org_id, group_id, programme_id FROM "
                + "footprint_sessions_by_programme WHERE org_id = ? AND programme_id = ? AND month = ?");
        summaries = new AttendanceSummaries(session, this::lessonEvents);
    }

    /** Creates the tables (idempotent) and prepares the statements. Blocking. */
    public static CassandraFootprintStore open(CqlSession session) throws IOException {
        Objects.requireNonNull(session, "session");
        if (session.getKeyspace().isEmpty()) throw new IllegalArgumentException("the session has no keyspace (USE it first)");
        for (String ddl : Cql.statements(SCHEMA)) session.execute(ddl);
        return new CassandraFootprintStore(session);
    }

    CqlSession session() {
        return session;
    }

    /** The per-lesson attendance summaries kept beside the events. */
    AttendanceSummaries summaries() {
        return summaries;
    }

    @Override
    public CompletionStage<Void> write(List<FootprintEvent> events) {
        Map<Object, List<BoundStatement>> byPartition = new LinkedHashMap<>();
        for (FootprintEvent e : events) {
            FootprintContext c = e.context();
            Instant ts = Instant.ofEpochMilli(e.timestamp());
            Object[] data = data(e);
            add(byPartition, "L" + c.lessonId(), insertByLesson.bind(concat(new Object[] {c.lessonId(), ts, e.eventId(),
                e.actor().id()}, data)));
            LocalDate day = day(e.timestamp());
            add(byPartition, List.of("P", e.actor().id(), day), insertByPerson.bind(concat(new Object[] {e.actor().id(), day,
                ts, e.eventId(), c.lessonId()}, data)));
            if (!isSessionEvent(e.verb())) continue;
            String month = month(e.timestamp());
            String verb = e.verb().wireName();
            if (c.groupId() != null) {
                add(byPartition, List.of("G", c.orgId(), c.groupId(), month), insertGroupSession.bind(c.orgId(), c.groupId(),
                        month, ts, e.eventId(), verb, c.lessonId(), e.actor().id(), e.actor().name(), e.actor().guest(),
                        c.programmeId(), c.disciplineId(), c.role().wireName()));
            }
            boolean forProgramme = e.verb() == FootprintVerb.LESSON_STARTED || e.verb() == FootprintVerb.LESSON_ENDED
                    || c.role() == FootprintRole.TEACHER;
            if (c.programmeId() != null && c.orgId() != null && forProgramme) {
                add(byPartition, List.of("R", c.orgId(), c.programmeId(), month), insertProgrammeSession.bind(c.orgId(),
                        c.programmeId(), month, ts, e.eventId(), verb, c.lessonId(), e.actor().id(), e.actor().name(),
                        e.actor().guest(), c.groupId(), c.disciplineId(), c.role().wireName()));
            }
        }
        List<Supplier<CompletionStage<Object>>> writes = new ArrayList<>();
        for (List<BoundStatement> rows : byPartition.values()) {
            for (int i = 0; i < rows.size(); i += ROWS_PER_BATCH) {
                List<BoundStatement> part = rows.subList(i, Math.min(rows.size(), i + ROWS_PER_BATCH));
                Statement<?> statement;
                if (part.size() == 1) {
                    statement = part.get(0).setIdempotent(true);
                } else {
                    BatchStatementBuilder b = BatchStatement.builder(BatchType.UNLOGGED);
                    for (BoundStatement s : part) b.addStatement(s);
                    statement = b.setIdempotence(true).build();
                }
                writes.add(() -> session.executeAsync(statement).thenApply(rs -> (Object) rs));
            }
        }
        return Bounded.all(writes, MAX_REQUESTS_PER_WRITE).thenCompose(v -> summaries.afterWrite(events));
    }

    /** Lesson start/end, joins and leaves: what attendance by group and delivered hours need. */
    static boolean isSessionEvent(FootprintVerb v) {
        return v == FootprintVerb.LESSON_STARTED || v == FootprintVerb.LESSON_ENDED || v == FootprintVerb.JOINED
                || v == FootprintVerb.LEFT || v == FootprintVerb.REMOVED;
    }

    /** Adds {@code s} with its null values left unset: a bound null would write a tombstone. */
    private static void add(Map<Object, List<BoundStatement>> m, Object key, BoundStatement s) {
        BoundStatement out = s;
        for (int i = 0; i < s.size(); i++) if (s.isNull(i)) out = out.unset(i);
        m.computeIfAbsent(key, k -> new ArrayList<>()).add(out);
    }

    private static Object[] data(FootprintEvent e) {
        FootprintContext c = e.context();
        FootprintResult r = e.result();
        List<Long> watched = new ArrayList<>(r.watched().size() * 2);
        for (WatchedRange w : r.watched()) {
            watched.add(w.fromMs());
            watched.add(w.toMs());
        }
        QualitySample q = r.quality();
        return new Object[] {e.verb().wireName(), e.actor().name(), e.actor().guest(), e.objectId(), c.orgId(),
            c.groupId(), c.programmeId(), c.disciplineId(), c.role().wireName(), r.durationMs(), r.chatLength(),
            watched.isEmpty() ? null : watched, q == null ? null : q.score(), q == null ? null : q.lossPercent(), q == null ? null : q.rttMs(),
            q == null ? null : q.jitterMs()};
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] out = new Object[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static LocalDate day(long epochMs) {
        return Instant.ofEpochMilli(epochMs).atZone(ZoneOffset.UTC).toLocalDate();
    }

    static String month(long epochMs) {
        return YearMonth.from(Instant.ofEpochMilli(epochMs).atZone(ZoneOffset.UTC)).toString();
    }

    /** Every event of the lesson, oldest first. */
    public CompletionStage<List<FootprintEvent>> lessonEvents(String lessonId) {
        return Cql.all(session, byLesson.bind(lessonId), CassandraFootprintStore::event);
    }

    /** One person's events of one UTC day, oldest first. */
    public CompletionStage<List<FootprintEvent>> personDay(String actorId, LocalDate day) {
        return Cql.all(session, byPersonDay.bind(actorId, day), CassandraFootprintStore::event);
    }

    /** The session events of a group in one UTC month ({@code yyyy-MM}), oldest first; results are empty. */
    public CompletionStage<List<FootprintEvent>> groupSessions(UUID orgId, UUID groupId, String month) {
        return Cql.all(session, groupSessions.bind(orgId, groupId, month), CassandraFootprintStore::sessionEvent);
    }

    /** The session events of a programme's teachers and lessons in one UTC month, oldest first. */
    public CompletionStage<List<FootprintEvent>> programmeSessions(UUID orgId, UUID programmeId, String month) {
        return Cql.all(session, programmeSessions.bind(orgId, programmeId, month), CassandraFootprintStore::sessionEvent);
    }

    private static FootprintEvent event(Row r) {
        List<Long> flat = r.getList("watched", Long.class);
        if (flat == null) flat = List.of();
        List<WatchedRange> watched = new ArrayList<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) watched.add(new WatchedRange(flat.get(i), flat.get(i + 1)));
        QualitySample q = r.isNull("q_score") ? null
                : new QualitySample(r.getInt("q_score"), r.getDouble("q_loss"), r.getInt("q_rtt"), r.getInt("q_jitter"));
        FootprintResult result = new FootprintResult(r.getLong("duration_ms"), watched, q, r.getInt("chat_length"));
        return new FootprintEvent(r.getUuid("event_id"), verb(r), actor(r), r.getString("object_id"),
                r.getInstant("ts").toEpochMilli(), context(r), result);
    }

    private static FootprintEvent sessionEvent(Row r) {
        return new FootprintEvent(r.getUuid("event_id"), verb(r), actor(r), r.getString("lesson_id"),
                r.getInstant("ts").toEpochMilli(), context(r), FootprintResult.NONE);
    }

    private static FootprintVerb verb(Row r) {
        return FootprintVerb.fromWire(r.getString("verb")).orElseThrow(() -> new IllegalStateException("unknown verb " + r.getString("verb")));
    }

    private static FootprintActor actor(Row r) {
        return new FootprintActor(r.getString("actor_id"), r.getString("actor_name"), r.getBoolean("guest"));
    }

    private static FootprintContext context(Row r) {
        FootprintRole role = FootprintRole.fromWire(r.getString("role")).orElse(FootprintRole.OBSERVER);
        return new FootprintContext(r.getString("lesson_id"), r.getUuid("org_id"), r.getUuid("group_id"),
                r.getUuid("programme_id"), r.getUuid("discipline_id"), role);
    }
}
