package sabaq.recorder.footprint;

import org.junit.jupiter.api.Test;
import sabaq.common.footprint.LessonSummary;
import sabaq.common.footprint.Period;
import sabaq.common.footprint.ProgrammeShare;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sabaq.common.footprint.ProgrammeShare.ACADEMIC_HOUR_MS;

/** The shares of {@link CurriculumFixture}, against answers computed by hand. */
class ShareCalculatorTest {
    private static final long DAY = 86_400_000L;
    private static final long START = TestEvents.T0;
    private static final Period SEMESTER = new Period(START, START + 120 * DAY);
    private int lessonNo;

    private LessonSummary lesson(UUID discipline, long startedAt, long deliveredMs) {
        lessonNo++;
        return new LessonSummary("L" + lessonNo, CurriculumFixture.ORG, null, null, discipline, startedAt,
                startedAt + deliveredMs, deliveredMs, "t", "Teacher", 20);
    }

    /** {@code hours} academic hours of live lessons of a discipline, as 2-hour (90-minute) lessons a day apart. */
    private List<LessonSummary> lessons(UUID discipline, int hours) {
        List<LessonSummary> out = new ArrayList<>();
        for (int i = 0; i < hours / 2; i++) out.add(lesson(discipline, START + i * DAY, 2 * ACADEMIC_HOUR_MS));
        if (hours % 2 == 1) out.add(lesson(discipline, START + 100 * DAY, ACADEMIC_HOUR_MS));
        return out;
    }

    @Test
    void onlineProgrammeAtExactlyThirtyPercentMeetsTheRule() {
        List<LessonSummary> ls = new ArrayList<>(lessons(CurriculumFixture.PROGRAMMING, 45));
        ls.addAll(lessons(CurriculumFixture.DATABASES, 15));
        // 50 hours of practice lessons: not counted (with them, and practice in the base, 110/300 = 36.7 %).
        ls.addAll(lessons(CurriculumFixture.INDUSTRIAL_PRACTICE, 50));
        // A lesson before the period does not count.
        ls.add(lesson(CurriculumFixture.PROGRAMMING, START - DAY, 10 * ACADEMIC_HOUR_MS));
        ProgrammeShare s = ShareCalculator.share(CurriculumFixture.online(), SEMESTER, ls);
        assertEquals(200, s.baseHours());
        assertEquals(60, s.plannedSynchronousHours());
        assertEquals(60, s.deliveredSynchronousHours(), 1e-9);
        assertEquals(0.30, s.synchronousShare(), 1e-12);
        assertEquals(0.30, s.synchronousMinimum());
        assertFalse(s.belowSynchronousMinimum(), "exactly 30 % meets the minimum");
        assertNull(s.distanceMaximum());
        assertFalse(s.aboveDistanceMaximum());
    }

    @Test
    void oneMillisecondShortOfThirtyPercentIsBelow() {
        List<LessonSummary> ls = new ArrayList<>(lessons(CurriculumFixture.PROGRAMMING, 44));
        ls.addAll(lessons(CurriculumFixture.DATABASES, 15));
        ls.add(lesson(CurriculumFixture.DATABASES, START + 50 * DAY, ACADEMIC_HOUR_MS - 1));
        ProgrammeShare s = ShareCalculator.share(CurriculumFixture.online(), SEMESTER, ls);
        assertTrue(s.belowSynchronousMinimum());
        assertTrue(s.synchronousShare() < 0.30);
    }

    @Test
    void fullTimeProgrammeAtExactlyTwentyPercentMeetsTheRuleAndAboveIsFlagged() {
        // 30 planned asynchronous/distance hours + 20 live = 50 of 250 = 20 %; workshop practice lessons left out.
        List<LessonSummary> ls = new ArrayList<>(lessons(CurriculumFixture.THEORY, 12));
        ls.addAll(lessons(CurriculumFixture.SAFETY, 8));
        ls.addAll(lessons(CurriculumFixture.WORKSHOP, 40));
        ProgrammeShare s = ShareCalculator.share(CurriculumFixture.fullTime(), SEMESTER, ls);
        assertEquals(250, s.baseHours());
        assertEquals(30, s.plannedDistanceHours());
        assertEquals(20, s.deliveredSynchronousHours(), 1e-9);
        assertEquals(0.20, s.distanceShare(), 1e-12);
        assertEquals(0.20, s.distanceMaximum());
        assertFalse(s.aboveDistanceMaximum(), "exactly 20 % meets the maximum");
        assertNull(s.synchronousMinimum());
        assertFalse(s.belowSynchronousMinimum());

        ls.add(lesson(CurriculumFixture.SAFETY, START + 60 * DAY, 1));
        ProgrammeShare over = ShareCalculator.share(CurriculumFixture.fullTime(), SEMESTER, ls);
        assertTrue(over.aboveDistanceMaximum(), "one millisecond more is above 20 %");
    }

    @Test
    void schoolProgrammesHaveNoRuleAndAnEmptyPlanDividesByNothing() {
        ProgrammeShare s = ShareCalculator.share(CurriculumFixture.school(), SEMESTER, lessons(CurriculumFixture.MATHS, 10));
        assertEquals(204, s.baseHours());
        assertEquals(10.0 / 204, s.synchronousShare(), 1e-12);
        assertNull(s.synchronousMinimum());
        assertNull(s.distanceMaximum());
        assertFalse(s.belowSynchronousMinimum());
        assertFalse(s.aboveDistanceMaximum());

        sabaq.common.footprint.Programme empty = new sabaq.common.footprint.Programme(CurriculumFixture.ORG, UUID.randomUUID(),
                "Empty", sabaq.common.footprint.ProgrammeKind.ONLINE_TVET, List.of(), List.of());
        ProgrammeShare e = ShareCalculator.share(empty, SEMESTER, List.of());
        assertEquals(0, e.synchronousShare());
        assertFalse(e.belowSynchronousMinimum());
    }
}
