package sabaq.studio.catalog;

import sabaq.recorder.storage.StorageException;

import java.util.List;
import java.util.Optional;

/**
 * The catalog of published courses that students browse. Blocking: call from worker threads. Today
 * {@link ObjectStoreCatalog} (a JSON document per course in the studio bucket); when the footprint/accounts work
 * brings Cassandra, a {@code CassandraCatalog} implements this with the table in docs/studio.md.
 */
public interface CatalogStore {
    /** Every published course, newest first. */
    List<CatalogEntry> list() throws StorageException;

    Optional<CatalogEntry> get(String courseId) throws StorageException;

    /** Publishes (or replaces the publication of) a course. */
    void put(CatalogEntry entry) throws StorageException;
}
