package sabaq.studio.store;

import sabaq.recorder.storage.ObjectStore;
import sabaq.recorder.storage.StorageException;
import sabaq.recorder.storage.StoredObject;
import sabaq.studio.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Moving files and JSON documents in and out of an {@link ObjectStore}. Blocking: call from worker threads. */
public final class StoreFiles {
    private StoreFiles() {
    }

    /** Stores a JSON document (verified read-back, like every upload). */
    public static StoredObject putJson(ObjectStore store, String key, Object value, Path scratchDir) throws StorageException {
        Path tmp = null;
        try {
            Files.createDirectories(scratchDir);
            tmp = Files.createTempFile(scratchDir, "doc", ".json");
            Files.write(tmp, Json.MAPPER.writeValueAsBytes(value));
            return store.putVerified(key, tmp, "application/json");
        } catch (IOException e) {
            throw new StorageException("cannot write " + key + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** Reads a JSON document, or empty when the key does not exist. */
    public static <T> Optional<T> readJson(ObjectStore store, String key, Class<T> type) throws StorageException {
        Optional<ObjectStore.OpenObject> o = store.open(key);
        if (o.isEmpty()) return Optional.empty();
        try (InputStream in = o.get().body()) {
            return Optional.of(Json.MAPPER.readValue(in, type));
        } catch (IOException e) {
            throw new StorageException("cannot read " + key + ": " + e.getMessage(), e);
        }
    }

    /**
     * Downloads an object to a file (through a temporary file, so the target is whole or absent).
     *
     * @return false when the key does not exist
     */
    public static boolean download(ObjectStore store, String key, Path target) throws StorageException {
        Optional<ObjectStore.OpenObject> o = store.open(key);
        if (o.isEmpty()) return false;
        Path tmp = target.resolveSibling("." + target.getFileName() + ".part");
        try (InputStream in = o.get().body()) {
            Files.createDirectories(target.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(tmp)) {
                in.transferTo(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new StorageException("download of " + key + " failed: " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** Uploads a file unless the store already holds the same bytes under that key (resumed jobs skip finished files). */
    public static void putIfChanged(ObjectStore store, String key, Path file, String contentType, String sha256)
            throws StorageException {
        Optional<StoredObject> existing = store.stat(key);
        if (existing.isPresent() && sha256.equals(existing.get().sha256())) return;
        store.putVerified(key, file, contentType);
    }

    public static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary file left behind is harmless; the directory is cleaned with its job
        }
    }

    /** The content type of a published file, by extension. */
    public static String contentType(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".m3u8")) return "application/vnd.apple.mpegurl";
        if (n.endsWith(".ts")) return "video/mp2t";
        if (n.endsWith(".m4s") || n.endsWith(".mp4")) return "video/mp4";
        if (n.endsWith(".vtt")) return "text/vtt; charset=utf-8";
        if (n.endsWith(".srt")) return "application/x-subrip";
        if (n.endsWith(".json")) return "application/json";
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) return "image/jpeg";
        if (n.endsWith(".png")) return "image/png";
        if (n.endsWith(".webm")) return "video/webm";
        if (n.endsWith(".mkv")) return "video/x-matroska";
        if (n.endsWith(".mov")) return "video/quicktime";
        if (n.endsWith(".mp3")) return "audio/mpeg";
        if (n.endsWith(".m4a") || n.endsWith(".aac")) return "audio/mp4";
        if (n.endsWith(".wav")) return "audio/wav";
        if (n.endsWith(".flac")) return "audio/flac";
        if (n.endsWith(".ogg") || n.endsWith(".opus")) return "audio/ogg";
        return "application/octet-stream";
    }
}
