package sabaq.studio.course;

import sabaq.recorder.storage.ObjectStore;
import sabaq.recorder.storage.StorageException;
import sabaq.studio.store.StoreFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Courses as JSON documents {@code courses/<courseId>.json} in the studio bucket. */
public final class ObjectStoreCourseStore implements CourseStore {
    static final String PREFIX = "courses/";

    private final ObjectStore store;
    private final Path scratch;

    public ObjectStoreCourseStore(ObjectStore store, Path scratch) {
        this.store = store;
        this.scratch = scratch;
    }

    @Override
    public List<Course> list() throws StorageException {
        List<Course> out = new ArrayList<>();
        for (String key : store.list(PREFIX)) {
            if (!key.endsWith(".json")) continue;
            StoreFiles.readJson(store, key, Course.class).ifPresent(out::add);
        }
        out.sort(Comparator.comparingLong(Course::updatedAt).reversed());
        return out;
    }

    @Override
    public Optional<Course> get(String courseId) throws StorageException {
        if (!CourseValidator.isId(courseId)) return Optional.empty();
        return StoreFiles.readJson(store, PREFIX + courseId + ".json", Course.class);
    }

    @Override
    public void save(Course course) throws StorageException {
        StoreFiles.putJson(store, PREFIX + course.id() + ".json", course, scratch);
    }
}
