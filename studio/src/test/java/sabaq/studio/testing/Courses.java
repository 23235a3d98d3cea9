package sabaq.studio.testing;

import sabaq.studio.course.Chapter;
import sabaq.studio.course.Course;
import sabaq.studio.course.CourseModule;
import sabaq.studio.course.Cuts;
import sabaq.studio.course.Lesson;
import sabaq.studio.course.LocalizedText;
import sabaq.studio.course.MediaRef;
import sabaq.studio.course.Pip;

import java.util.List;
import java.util.Map;

/** Small builders for test courses. */
public final class Courses {
    private Courses() {
    }

    public static LocalizedText text(String kk, String ru) {
        return new LocalizedText(kk, ru);
    }

    /** A lesson with only a source. */
    public static Lesson lesson(String id, MediaRef source) {
        return new Lesson(id, text("Сабақ " + id, "Урок " + id), null, source, Cuts.NONE, null, null, null, Map.of(), null, List.of());
    }

    public static Lesson lesson(String id, MediaRef source, Cuts cuts, MediaRef intro, MediaRef outro, Pip pip,
                                Map<String, MediaRef> subtitles, MediaRef audioDescription, List<Chapter> chapters) {
        return new Lesson(id, text("Сабақ " + id, "Урок " + id), text("Сипаттама", "Описание"), source, cuts, intro, outro,
                pip, subtitles, audioDescription, chapters);
    }

    public static Course course(String id, Lesson... lessons) {
        return new Course(id, text("Алгебра 7", "Алгебра 7"), text("Курс сипаттамасы", "Описание курса"),
                List.of(new CourseModule("m1", text("Бірінші бөлім", "Первый раздел"), List.of(lessons))), 0, 0);
    }
}
