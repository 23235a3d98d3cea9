package sabaq.recorder.footprint;

import sabaq.common.footprint.Discipline;
import sabaq.common.footprint.HourFormat;
import sabaq.common.footprint.Programme;
import sabaq.common.footprint.ProgrammeKind;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A curriculum with hand-computed answers (docs/footprint.md section 3).
 *
 * <p>Online TVET "Software developer": Programming 40 synchronous + 60 asynchronous, Databases 20 + 80, Industrial
 * practice 100 synchronous (practice, left out). Base 200 academic hours; 30 % = 60 hours = 45 × 60 min.
 *
 * <p>Full-time TVET "Electrician": Theory 160 classroom + 20 asynchronous, Safety 60 classroom + 10 distance,
 * Workshop practice 200 classroom (practice, left out). Base 250 hours; 20 % = 50 hours, of which 30 are planned
 * asynchronous/distance, so 20 hours of live lessons reach exactly 20 %.
 */
final class CurriculumFixture {
    static final UUID ORG = TestEvents.ORG;
    static final UUID ONLINE = UUID.fromString("a0000000-0000-0000-0000-000000000001");
    static final UUID FULL_TIME = UUID.fromString("a0000000-0000-0000-0000-000000000002");
    static final UUID SCHOOL = UUID.fromString("a0000000-0000-0000-0000-000000000003");
    static final UUID PROGRAMMING = UUID.fromString("d0000000-0000-0000-0000-000000000001");
    static final UUID DATABASES = UUID.fromString("d0000000-0000-0000-0000-000000000002");
    static final UUID INDUSTRIAL_PRACTICE = UUID.fromString("d0000000-0000-0000-0000-000000000003");
    static final UUID THEORY = UUID.fromString("d0000000-0000-0000-0000-000000000004");
    static final UUID SAFETY = UUID.fromString("d0000000-0000-0000-0000-000000000005");
    static final UUID WORKSHOP = UUID.fromString("d0000000-0000-0000-0000-000000000006");
    static final UUID MATHS = UUID.fromString("d0000000-0000-0000-0000-000000000007");
    static final UUID GROUP_ONLINE = UUID.fromString("b0000000-0000-0000-0000-000000000001");
    static final UUID GROUP_FULL_TIME = UUID.fromString("b0000000-0000-0000-0000-000000000002");
    static final UUID CLASS_7A = UUID.fromString("b0000000-0000-0000-0000-000000000003");

    private CurriculumFixture() {
    }

    static Map<HourFormat, Integer> hours(Object... formatAndHours) {
        Map<HourFormat, Integer> m = new EnumMap<>(HourFormat.class);
        for (int i = 0; i < formatAndHours.length; i += 2) m.put((HourFormat) formatAndHours[i], (Integer) formatAndHours[i + 1]);
        return m;
    }

    static Programme online() {
        return new Programme(ORG, ONLINE, "Software developer (online)", ProgrammeKind.ONLINE_TVET, List.of(GROUP_ONLINE),
                List.of(new Discipline(PROGRAMMING, "Programming", hours(HourFormat.SYNCHRONOUS, 40, HourFormat.ASYNCHRONOUS, 60), false),
                        new Discipline(DATABASES, "Databases", hours(HourFormat.SYNCHRONOUS, 20, HourFormat.ASYNCHRONOUS, 80), false),
                        new Discipline(INDUSTRIAL_PRACTICE, "Industrial practice", hours(HourFormat.SYNCHRONOUS, 100), true)));
    }

    static Programme fullTime() {
        return new Programme(ORG, FULL_TIME, "Electrician", ProgrammeKind.FULL_TIME_TVET, List.of(GROUP_FULL_TIME),
                List.of(new Discipline(THEORY, "Electrical theory", hours(HourFormat.CLASSROOM, 160, HourFormat.ASYNCHRONOUS, 20), false),
                        new Discipline(SAFETY, "Safety", hours(HourFormat.CLASSROOM, 60, HourFormat.DISTANCE, 10), false),
                        new Discipline(WORKSHOP, "Workshop practice", hours(HourFormat.CLASSROOM, 200), true)));
    }

    static Programme school() {
        return new Programme(ORG, SCHOOL, "Grade 7", ProgrammeKind.SCHOOL, List.of(CLASS_7A),
                List.of(new Discipline(MATHS, "Mathematics", hours(HourFormat.CLASSROOM, 170, HourFormat.SYNCHRONOUS, 34), false)));
    }
}
