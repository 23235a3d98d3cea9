package sabaq.studio.course;

import java.util.List;

/** A module (section) of a course: a titled, ordered list of lessons. */
public record CourseModule(String id, LocalizedText title, List<Lesson> lessons) {
    public CourseModule {
        lessons = lessons == null ? List.of() : List.copyOf(lessons);
    }
}
