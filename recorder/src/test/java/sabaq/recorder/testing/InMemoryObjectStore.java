package sabaq.recorder.testing;

import sabaq.recorder.storage.ObjectStore;
import sabaq.recorder.storage.Sha256;
import sabaq.recorder.storage.StorageException;
import sabaq.recorder.storage.StoredObject;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An {@link ObjectStore} in memory, for unit tests that do not exercise S3 itself. */
public final class InMemoryObjectStore implements ObjectStore {
    private final Map<String, byte[]> objects = new TreeMap<>();

    @Override
    public void ensureBucket() {
    }

    @Override
    public synchronized StoredObject putVerified(String key, Path file, String contentType) throws StorageException {
        try {
            byte[] b = Files.readAllBytes(file);
            objects.put(key, b);
            return new StoredObject(key, b.length, Sha256.of(b));
        } catch (IOException e) {
            throw new StorageException(e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<StoredObject> stat(String key) {
        byte[] b = objects.get(key);
        return b == null ? Optional.empty() : Optional.of(new StoredObject(key, b.length, Sha256.of(b)));
    }

    @Override
    public synchronized Optional<OpenObject> open(String key) {
        byte[] b = objects.get(key);
        return b == null ? Optional.empty()
                : Optional.of(new OpenObject(new ByteArrayInputStream(b), b.length, "application/octet-stream"));
    }

    @Override
    public synchronized List<String> list(String prefix) {
        List<String> out = new ArrayList<>();
        for (String k : objects.keySet()) if (k.startsWith(prefix)) out.add(k);
        return out;
    }
}
