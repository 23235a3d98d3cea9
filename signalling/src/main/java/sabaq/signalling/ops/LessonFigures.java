package sabaq.signalling.ops;

import sabaq.common.media.MediaRoomStats;
import sabaq.signalling.lesson.Lesson;
import sabaq.signalling.lesson.Participant;

/**
 * One live lesson at one moment: who is in it by role (from signalling) and its media figures (from the SFU; null
 * when the SFU has no room for it yet or did not answer).
 */
public record LessonFigures(String id, String title, long createdAtMillis, int teachers, int students, int observers,
                            MediaRoomStats media) {

    /** Counts the lesson's participants; call on the lesson's context. */
    public static LessonFigures of(Lesson lesson) {
        int teachers = 0;
        int students = 0;
        int observers = 0;
        for (Participant p : lesson.participants()) {
            switch (p.role()) {
                case TEACHER:
                    teachers++;
                    break;
                case STUDENT:
                    students++;
                    break;
                default:
                    observers++;
            }
        }
        return new LessonFigures(lesson.id(), lesson.title(), lesson.createdAtMillis(), teachers, students, observers, null);
    }

    public LessonFigures withMedia(MediaRoomStats m) {
        return new LessonFigures(id, title, createdAtMillis, teachers, students, observers, m);
    }

    public int participants() {
        return teachers + students + observers;
    }

    /** The lesson's loss figure (see {@link MediaRoomStats#loss()}), NaN when unknown. */
    public double loss() {
        return media == null || media.loss() < 0 ? Double.NaN : media.loss();
    }
}
