package sabaq.recorder.storage;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The S3 operations the recorder needs (implemented with the MinIO Java SDK in {@link MinioObjectStore}; any
 * S3-compatible server: MinIO, the embedded S3Proxy, AWS). Every method blocks on the network: call only from worker
 * threads. Failures to reach the server are {@link StorageException}s so callers can spool and retry.
 */
public interface ObjectStore {

    /** Creates the bucket when it does not exist. */
    void ensureBucket() throws StorageException;

    /**
     * Uploads a local file under {@code key}, then reads it back and checks its length and SHA-256 against the local
     * file. Putting the same key again overwrites it (keys are deterministic, so a retry never duplicates).
     *
     * @return what was stored, with the verified checksum
     * @throws StorageException when the upload or the verification failed
     */
    StoredObject putVerified(String key, Path file, String contentType) throws StorageException;

    /** The object's length and recorded checksum, or empty when it does not exist. */
    Optional<StoredObject> stat(String key) throws StorageException;

    /** Opens an object for reading, or empty when it does not exist. The caller closes the stream. */
    Optional<OpenObject> open(String key) throws StorageException;

    /** Keys under a prefix, recursively, in lexical order. */
    List<String> list(String prefix) throws StorageException;

    /** An open object: its bytes, length and content type. */
    record OpenObject(InputStream body, long length, String contentType) {
    }
}
