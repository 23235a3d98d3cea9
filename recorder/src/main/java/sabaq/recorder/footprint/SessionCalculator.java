package sabaq.recorder.footprint;

import sabaq.common.footprint.FootprintEvent;
import sabaq.common.footprint.FootprintRole;
import sabaq.common.footprint.FootprintVerb;
import sabaq.common.footprint.LessonSummary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Lesson sessions from session events (lesson start/end, joins and leaves): when each lesson started and ended, and
 * its delivered time, the part of {@code [started, ended)} during which at least one participant with the lesson
 * role teacher was present. A lesson without LESSON_STARTED starts at its first event; one without LESSON_ENDED is
 * still running ({@code endedAt} -1) and counts up to its last event. This, not a typed-in number, is what the
 * curriculum's delivered hours add up.
 */
final class SessionCalculator {
    private SessionCalculator() {
    }

    private static final class Lesson {
        final String id;
        UUID org;
        UUID group;
        UUID programme;
        UUID discipline;
        long started = -1;
        long ended = -1;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        String teacherId;
        String teacherName;
        final Map<String, Intervals> teachers = new LinkedHashMap<>();
        final Set<String> students = new HashSet<>();

        Lesson(String id) {
            this.id = id;
        }
    }

    /** One summary per lesson, oldest start first; {@code events} in any order, of any lessons. */
    static List<LessonSummary> summaries(List<FootprintEvent> events) {
        List<FootprintEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(FootprintEvent::timestamp).thenComparing(FootprintEvent::eventId));
        Map<String, Lesson> lessons = new LinkedHashMap<>();
        for (FootprintEvent e : sorted) {
            Lesson l = lessons.computeIfAbsent(e.context().lessonId(), Lesson::new);
            long t = e.timestamp();
            l.first = Math.min(l.first, t);
            l.last = Math.max(l.last, t);
            if (l.org == null) l.org = e.context().orgId();
            if (l.group == null) l.group = e.context().groupId();
            if (l.programme == null) l.programme = e.context().programmeId();
            if (l.discipline == null) l.discipline = e.context().disciplineId();
            boolean teacher = e.context().role() == FootprintRole.TEACHER;
            switch (e.verb()) {
                case LESSON_STARTED:
                    if (l.started < 0) l.started = t;
                    break;
                case LESSON_ENDED:
                    l.ended = Math.max(l.ended, t);
                    break;
                case JOINED:
                    if (teacher) {
                        l.teachers.computeIfAbsent(e.actor().id(), k -> new Intervals()).open(t);
                        if (l.teacherId == null) {
                            l.teacherId = e.actor().id();
                            l.teacherName = e.actor().name();
                        }
                    } else if (e.context().role() == FootprintRole.STUDENT) {
                        l.students.add(e.actor().id());
                    }
                    break;
                case LEFT:
                case REMOVED:
                    if (teacher) {
                        Intervals i = l.teachers.get(e.actor().id());
                        if (i != null) i.close(t);
                    }
                    break;
                default:
                    break;
            }
        }
        List<LessonSummary> out = new ArrayList<>();
        for (Lesson l : lessons.values()) {
            long start = l.started >= 0 ? l.started : l.first;
            long stop = l.ended >= 0 ? l.ended : l.last;
            List<Intervals> closed = new ArrayList<>();
            for (Intervals i : l.teachers.values()) closed.add(i.closedAt(stop));
            long delivered = unionMs(closed, start, stop);
            out.add(new LessonSummary(l.id, l.org, l.group, l.programme, l.discipline, start, l.ended, delivered,
                    l.teacherId, l.teacherName, l.students.size()));
        }
        out.sort(Comparator.comparingLong(LessonSummary::startedAt).thenComparing(LessonSummary::lessonId));
        return out;
    }

    /** Total time in {@code [from, to)} covered by at least one of the interval sets. */
    private static long unionMs(List<Intervals> sets, long from, long to) {
        Intervals all = new Intervals();
        for (Intervals s : sets) {
            for (long[] span : s.clip(from, to).spans()) {
                all.open(span[0]);
                all.close(span[1]);
            }
        }
        return all.closedAt(Long.MIN_VALUE).totalMs();
    }
}
