package sabaq.studio.course;

import java.util.ArrayList;
import java.util.List;

/**
 * A course as the studio edits it: titles and descriptions in Kazakh and Russian, modules of lessons. Stored as
 * JSON ({@link CourseStore}); published courses are copied into the catalog.
 */
public record Course(String id, LocalizedText title, LocalizedText description, List<CourseModule> modules,
                     long createdAt, long updatedAt) {
    public Course {
        description = description == null ? LocalizedText.EMPTY : description;
        modules = modules == null ? List.of() : List.copyOf(modules);
    }

    /** Every lesson, module by module. */
    public List<Lesson> lessons() {
        List<Lesson> out = new ArrayList<>();
        for (CourseModule m : modules) out.addAll(m.lessons());
        return out;
    }

    public Course withTimes(long created, long updated) {
        return new Course(id, title, description, modules, created, updated);
    }
}
