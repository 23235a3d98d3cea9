package sabaq.studio.course;

import sabaq.recorder.storage.StorageException;

import java.util.List;
import java.util.Optional;

/**
 * Where the studio keeps the courses it edits (drafts). Blocking: call from worker threads. Today
 * {@link ObjectStoreCourseStore} (one JSON document per course in the studio bucket); docs/studio.md says how a
 * Cassandra table replaces it.
 */
public interface CourseStore {
    List<Course> list() throws StorageException;

    Optional<Course> get(String courseId) throws StorageException;

    /** Creates or replaces a course. */
    void save(Course course) throws StorageException;
}
