package sabaq.recorder.storage;

import java.util.Objects;

/**
 * An object in the bucket.
 *
 * @param sha256 lower-case hex SHA-256 of the content, as verified after upload (or as recorded in the object's
 *               {@code x-amz-meta-sha256} metadata when read back by {@link ObjectStore#stat}); may be null for objects
 *               the recorder did not write
 */
public record StoredObject(String key, long length, String sha256) {
    public StoredObject {
        Objects.requireNonNull(key, "key");
    }
}
