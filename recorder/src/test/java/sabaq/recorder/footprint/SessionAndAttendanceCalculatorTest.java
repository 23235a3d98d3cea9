package sabaq.recorder.footprint;

import org.junit.jupiter.api.Test;
import sabaq.common.footprint.AttendanceRow;
import sabaq.common.footprint.FootprintEvent;
import sabaq.common.footprint.FootprintResult;
import sabaq.common.footprint.FootprintRole;
import sabaq.common.footprint.FootprintVerb;
import sabaq.common.footprint.LessonSummary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static sabaq.common.footprint.FootprintRole.STUDENT;
import static sabaq.common.footprint.FootprintRole.TEACHER;
import static sabaq.common.footprint.FootprintVerb.CAMERA_ON;
import static sabaq.common.footprint.FootprintVerb.JOINED;
import static sabaq.common.footprint.FootprintVerb.LEFT;
import static sabaq.common.footprint.FootprintVerb.LESSON_ENDED;
import static sabaq.common.footprint.FootprintVerb.LESSON_STARTED;
import static sabaq.common.footprint.FootprintVerb.MIC_OFF;
import static sabaq.common.footprint.FootprintVerb.MIC_ON;

/** Delivered time and attendance of one lesson from 10:00 to 11:00, computed by hand. */
class SessionAndAttendanceCalculatorTest {
    private static final long MIN = 60_000L;
    private static final long T10 = TestEvents.T0;
    private static final String L = "LESSON10AM";
    private final List<FootprintEvent> events = new ArrayList<>();
    private int n;

    private void at(long minute, FootprintVerb verb, String who, FootprintRole role) {
        events.add(TestEvents.simple("k" + n++, verb, who, role, L, T10 + minute * MIN));
    }

    private void at(long minute, FootprintVerb verb, String who, FootprintResult r) {
        events.add(TestEvents.event("k" + n++, verb, who, STUDENT, L, T10 + minute * MIN, r));
    }

    private void lesson() {
        at(-2, JOINED, "teacher", TEACHER);          // before the start: clipped to 10:00
        at(0, LESSON_STARTED, "teacher", TEACHER);
        at(20, LEFT, "teacher", TEACHER);
        at(25, JOINED, "teacher", TEACHER);          // teacher present 10:00-10:20, 10:25-11:00 = 55 min
        at(15, JOINED, "coteacher", TEACHER);
        at(30, LEFT, "coteacher", TEACHER);          // covers 10:20-10:25 too: delivered 60 min
        at(1, JOINED, "ana", STUDENT);
        at(1, MIC_ON, "ana", STUDENT);
        at(5, CAMERA_ON, "ana", STUDENT);
        at(10, MIC_OFF, "ana", STUDENT);
        for (int i = 0; i < 3; i++) at(11 + i, FootprintVerb.SPOKE, "ana", FootprintResult.spoke(10_000));
        at(12, FootprintVerb.CHAT_SENT, "ana", FootprintResult.chat(4));
        at(13, FootprintVerb.CHAT_SENT, "ana", FootprintResult.chat(9));
        at(14, FootprintVerb.HAND_RAISED, "ana", STUDENT);
        at(30, LEFT, "ana", STUDENT);                // camera stops with the leave
        at(40, JOINED, "ana", STUDENT);
        at(45, MIC_ON, "ana", STUDENT);              // still on at the end
        at(0, JOINED, "bek", STUDENT);
        at(15, LEFT, "bek", STUDENT);                // left early
        at(60, LESSON_ENDED, "teacher", TEACHER);
        at(70, FootprintVerb.HAND_RAISED, "ana", STUDENT); // after the end: counted, adds no time
    }

    @Test
    void deliveredTimeIsTheTeachersPresenceWithinTheLesson() {
        lesson();
        LessonSummary s = SessionCalculator.summaries(events).get(0);
        assertEquals(L, s.lessonId());
        assertEquals(T10, s.startedAt());
        assertEquals(T10 + 60 * MIN, s.endedAt());
        assertEquals(60 * MIN, s.deliveredMs());
        assertEquals("teacher", s.teacherId());
        assertEquals(2, s.attendees());
        assertEquals(TestEvents.DISCIPLINE, s.disciplineId());
    }

    @Test
    void withoutTheCoTeacherTheGapIsNotDelivered() {
        lesson();
        events.removeIf(e -> e.actor().id().equals("coteacher"));
        assertEquals(55 * MIN, SessionCalculator.summaries(events).get(0).deliveredMs());
    }

    @Test
    void aRunningLessonCountsUpToItsLastEvent() {
        lesson();
        events.removeIf(e -> e.verb() == LESSON_ENDED || e.timestamp() > T10 + 30 * MIN);
        LessonSummary s = SessionCalculator.summaries(events).get(0);
        assertEquals(-1, s.endedAt());
        assertEquals(30 * MIN, s.deliveredMs());
    }

    @Test
    void attendanceRowsInAnyEventOrder() {
        lesson();
        Collections.shuffle(events, new Random(9));
        List<AttendanceRow> rows = AttendanceCalculator.rows(L, events);
        assertEquals(List.of("coteacher", "teacher", "ana", "bek"), rows.stream().map(AttendanceRow::actorId).toList());
        AttendanceRow teacher = rows.get(1);
        assertEquals(TEACHER, teacher.role());
        assertEquals(20 * MIN + 35 * MIN + 2 * MIN, teacher.attendedMs(), "joined 9:58: present before the start too");
        AttendanceRow ana = rows.get(2);
        assertEquals(29 * MIN + 20 * MIN, ana.attendedMs());
        assertEquals(25 * MIN, ana.cameraOnMs());
        assertEquals(9 * MIN + 15 * MIN, ana.micOnMs());
        assertEquals(30_000, ana.speakingMs());
        assertEquals(2, ana.chatMessages());
        assertEquals(2, ana.handRaises());
        assertEquals(2, ana.joins());
        assertEquals(T10 + MIN, ana.firstJoinedAt());
        assertEquals(T10 + 30 * MIN, ana.lastLeftAt());
        AttendanceRow bek = rows.get(3);
        assertEquals(15 * MIN, bek.attendedMs());
        assertEquals(0, bek.cameraOnMs());
        assertEquals(T10 + 15 * MIN, bek.lastLeftAt());
    }
}
