package sabaq.studio.catalog;

import sabaq.recorder.storage.ObjectStore;
import sabaq.recorder.storage.StorageException;
import sabaq.studio.course.CourseValidator;
import sabaq.studio.store.StoreFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The catalog as one JSON document per course, {@code catalog/<courseId>.json}: two publications of different
 * courses never overwrite each other, and replacing a course's entry is a single atomic PUT.
 */
public final class ObjectStoreCatalog implements CatalogStore {
    static final String PREFIX = "catalog/";

    private final ObjectStore store;
    private final Path scratch;

    public ObjectStoreCatalog(ObjectStore store, Path scratch) {
        this.store = store;
        this.scratch = scratch;
    }

    @Override
    public List<CatalogEntry> list() throws StorageException {
        List<CatalogEntry> out = new ArrayList<>();
        for (String key : store.list(PREFIX)) {
            if (key.endsWith(".json")) StoreFiles.readJson(store, key, CatalogEntry.class).ifPresent(out::add);
        }
        out.sort(Comparator.comparingLong(CatalogEntry::publishedAt).reversed());
        return out;
    }

    @Override
    public Optional<CatalogEntry> get(String courseId) throws StorageException {
        if (!CourseValidator.isId(courseId)) return Optional.empty();
        return StoreFiles.readJson(store, PREFIX + courseId + ".json", CatalogEntry.class);
    }

    @Override
    public void put(CatalogEntry entry) throws StorageException {
        StoreFiles.putJson(store, PREFIX + entry.courseId() + ".json", entry, scratch);
    }
}
