package sabaq.recorder.upload;

import sabaq.recorder.storage.StoredObject;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One local file to store under a deterministic key.
 *
 * @param journal     where the verified upload is recorded (and looked up, so a stored key is never sent twice)
 * @param deleteAfter delete the local file once it is stored and journaled
 * @param onStored    called on the upload thread once the object is verified and journaled (or found so)
 */
public record UploadTask(Path file, String key, String contentType, UploadJournal journal, boolean deleteAfter,
                         Consumer<StoredObject> onStored) {
    public UploadTask {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(onStored, "onStored");
    }
}
