package sabaq.recorder.footprint;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.common.cassandra.CassandraExtension;
import sabaq.common.footprint.AttendanceRow;
import sabaq.common.footprint.Discipline;
import sabaq.common.footprint.DistanceDayRow;
import sabaq.common.footprint.FootprintActor;
import sabaq.common.footprint.FootprintContext;
import sabaq.common.footprint.FootprintEvent;
import sabaq.common.footprint.FootprintResult;
import sabaq.common.footprint.FootprintRole;
import sabaq.common.footprint.FootprintVerb;
import sabaq.common.footprint.LessonSummary;
import sabaq.common.footprint.Period;
import sabaq.common.footprint.PersonTotals;
import sabaq.common.footprint.Programme;
import sabaq.common.footprint.ProgrammeShare;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(CassandraExtension.class)
class CassandraFootprintReportsTest {
    private static final long MIN = 60_000L;
    private static final long HOUR_45 = ProgrammeShare.ACADEMIC_HOUR_MS;
    /** 2026-11-23T00:00:00Z, a Monday. */
    private static final long DAY0 = LocalDate.of(2026, 11, 23).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    private CassandraFootprintStore store;
    private CassandraCurriculumStore curriculum;
    private CassandraFootprintReports reports;
    private final List<FootprintEvent> events = new ArrayList<>();

    @BeforeEach
    void fresh() {
        TestCassandra.truncateAll();
        store = TestCassandra.store();
        curriculum = new CassandraCurriculumStore(store.session());
        reports = new CassandraFootprintReports(store, curriculum);
    }

    private static <T> T await(CompletionStage<T> s) throws Exception {
        return s.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private void add(String lesson, UUID discipline, long at, FootprintVerb verb, String who, FootprintRole role,
                     FootprintResult result) {
        FootprintContext ctx = new FootprintContext(lesson, CurriculumFixture.ORG, CurriculumFixture.GROUP_ONLINE,
                CurriculumFixture.ONLINE, discipline, role);
        events.add(FootprintEvent.check("k" + events.size(), verb, new FootprintActor(who, "N " + who, false), lesson, at,
                ctx, result).orThrow());
    }

    /** A lesson of {@code minutes} with the teacher throughout, and students joining at 0 and leaving at their minute. */
    private void lesson(String id, UUID discipline, long start, long minutes, Map<String, Long> studentsLeaveAt) {
        add(id, discipline, start, FootprintVerb.LESSON_STARTED, "teacher", FootprintRole.TEACHER, null);
        add(id, discipline, start, FootprintVerb.JOINED, "teacher", FootprintRole.TEACHER, null);
        for (Map.Entry<String, Long> s : studentsLeaveAt.entrySet()) {
            add(id, discipline, start + MIN, FootprintVerb.JOINED, s.getKey(), FootprintRole.STUDENT, null);
            add(id, discipline, start + 2 * MIN, FootprintVerb.CHAT_SENT, s.getKey(), FootprintRole.STUDENT, FootprintResult.chat(3));
            add(id, discipline, start + s.getValue() * MIN, FootprintVerb.LEFT, s.getKey(), FootprintRole.STUDENT, null);
        }
        add(id, discipline, start + minutes * MIN, FootprintVerb.LESSON_ENDED, "teacher", FootprintRole.TEACHER, null);
    }

    @Test
    void curriculumRoundTripsAndFindsTheProgrammeOfADiscipline() throws Exception {
        await(curriculum.save(CurriculumFixture.online()));
        await(curriculum.save(CurriculumFixture.fullTime()));
        assertEquals(List.of(CurriculumFixture.fullTime(), CurriculumFixture.online()), await(curriculum.programmes(CurriculumFixture.ORG)));
        assertEquals(CurriculumFixture.ONLINE, await(curriculum.programmeOfDiscipline(CurriculumFixture.ORG, CurriculumFixture.DATABASES)).orElseThrow().id());
        Programme fewer = new Programme(CurriculumFixture.ORG, CurriculumFixture.ONLINE, "Renamed", CurriculumFixture.online().kind(),
                List.of(), List.of(CurriculumFixture.online().disciplines().get(0)));
        await(curriculum.save(fewer));
        assertEquals(fewer, await(curriculum.programme(CurriculumFixture.ORG, CurriculumFixture.ONLINE)).orElseThrow());
        assertTrue(await(curriculum.programmeOfDiscipline(CurriculumFixture.ORG, CurriculumFixture.DATABASES)).isEmpty(),
                "a discipline taken out of the programme no longer resolves");
        assertTrue(await(curriculum.delete(CurriculumFixture.ORG, CurriculumFixture.ONLINE)));
        assertFalse(await(curriculum.delete(CurriculumFixture.ORG, CurriculumFixture.ONLINE)));
        assertTrue(await(curriculum.programmeOfDiscipline(CurriculumFixture.ORG, CurriculumFixture.PROGRAMMING)).isEmpty());
        Discipline d = CurriculumFixture.fullTime().disciplines().get(1);
        assertEquals(10, d.planned(sabaq.common.footprint.HourFormat.DISTANCE));
    }

    @Test
    void reportsFromStoredLessons() throws Exception {
        await(curriculum.save(CurriculumFixture.online()));
        // Two 90-minute lessons (2 academic hours each) of Programming on two days, and one practice lesson.
        lesson("LESSONMON", CurriculumFixture.PROGRAMMING, DAY0 + 4 * 60 * MIN, 90, Map.of("ana", 90L, "bek", 30L));
        lesson("LESSONTUE", CurriculumFixture.PROGRAMMING, DAY0 + 24 * 60 * MIN + 4 * 60 * MIN, 90, Map.of("ana", 45L));
        lesson("LESSONPRA", CurriculumFixture.INDUSTRIAL_PRACTICE, DAY0 + 6 * 60 * MIN, 180, Map.of("ana", 180L));
        await(store.write(events));
        Period week = new Period(DAY0, DAY0 + 7 * 24 * 60 * MIN);

        List<AttendanceRow> mon = await(reports.lessonAttendance("LESSONMON"));
        assertEquals(List.of("teacher", "ana", "bek"), mon.stream().map(AttendanceRow::actorId).toList());
        assertEquals(89 * MIN, mon.get(1).attendedMs());
        assertEquals(29 * MIN, mon.get(2).attendedMs());

        List<LessonSummary> lessons = await(reports.groupLessons(CurriculumFixture.ORG, CurriculumFixture.GROUP_ONLINE, week));
        assertEquals(List.of("LESSONMON", "LESSONPRA", "LESSONTUE"), lessons.stream().map(LessonSummary::lessonId).toList());
        assertEquals(90 * MIN, lessons.get(0).deliveredMs());
        assertEquals(2, lessons.get(0).attendees());

        List<PersonTotals> students = await(reports.studentTotals(CurriculumFixture.ORG, CurriculumFixture.GROUP_ONLINE, week));
        assertEquals(List.of("ana", "bek"), students.stream().map(PersonTotals::actorId).toList());
        assertEquals(3, students.get(0).lessons());
        assertEquals((89 + 44 + 179) * MIN, students.get(0).attendedMs());
        assertEquals(3, students.get(0).chatMessages());
        List<PersonTotals> teachers = await(reports.teacherTotals(CurriculumFixture.ORG, CurriculumFixture.GROUP_ONLINE, week));
        assertEquals((90 + 90 + 180) * MIN, teachers.get(0).attendedMs());

        ProgrammeShare share = await(reports.programmeShares(CurriculumFixture.ORG, week)).get(0);
        assertEquals(4 * HOUR_45 / (double) HOUR_45, share.deliveredSynchronousHours(), 1e-9, "practice excluded");
        assertEquals(4.0 / 200, share.synchronousShare(), 1e-12);
        assertTrue(share.belowSynchronousMinimum());
        Period tuesdayOnly = new Period(DAY0 + 24 * 60 * MIN, DAY0 + 48 * 60 * MIN);
        assertEquals(2, await(reports.programmeShares(CurriculumFixture.ORG, tuesdayOnly)).get(0).deliveredSynchronousHours(), 1e-9);

        // Monday in Almaty (UTC+5): lessons at 09:00 and 11:00 local. cem is on the roster and never came.
        List<DistanceDayRow> day = await(reports.distanceDay(CurriculumFixture.ORG, LocalDate.of(2026, 11, 23),
                ZoneId.of("Asia/Almaty"), Map.of(CurriculumFixture.GROUP_ONLINE, Set.of("ana", "bek", "cem"))));
        assertEquals(1, day.size());
        assertEquals(3, day.get(0).expected());
        assertEquals(2, day.get(0).connected());
        assertEquals(List.of("cem"), day.get(0).absentIds());

        List<FootprintEvent> bek = await(reports.personEvents("bek", week));
        assertEquals(List.of(FootprintVerb.JOINED, FootprintVerb.CHAT_SENT, FootprintVerb.LEFT), bek.stream().map(FootprintEvent::verb).toList());
        assertEquals(events.stream().filter(e -> e.context().lessonId().equals("LESSONTUE")).count(),
                await(reports.lessonEvents("LESSONTUE")).size());
    }
}
