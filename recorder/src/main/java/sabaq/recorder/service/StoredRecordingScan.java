package sabaq.recorder.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.recorder.post.Manifest;
import sabaq.recorder.post.ManifestReader;
import sabaq.recorder.post.StoredRecording;
import sabaq.recorder.storage.ObjectStore;
import sabaq.recorder.storage.StorageException;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the recordings of earlier processes in the bucket: one listing of {@code recordings/}, grouped by
 * {@code recordings/{lessonId}/{recordingId}/}. A recording with a {@link Manifest#FILE} is finished; one with only the
 * pending manifest ({@link Manifest#PENDING_FILE}) was cut short during post-processing and can be processed again;
 * one with segments but neither manifest was cut short during the lesson (what was recorded is not described
 * anywhere, so it cannot be processed). A manifest that cannot be read or parsed is logged and skipped. Blocking.
 */
final class StoredRecordingScan {
    private static final Logger LOG = LoggerFactory.getLogger(StoredRecordingScan.class);
    static final String ROOT = "recordings/";
    private static final Pattern KEY = Pattern.compile("recordings/([A-Za-z0-9_-]{1,64})/([A-Za-z0-9_-]{1,64})/(.+)");
    private static final Pattern ID_TIME = Pattern.compile("(\\d{8}-\\d{6})-.*");
    private static final DateTimeFormatter ID_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final long MAX_MANIFEST_BYTES = 16L << 20;

    /** What was found for one recording. */
    enum Kind { FINISHED, PROCESSING_INTERRUPTED, LESSON_INTERRUPTED }

    /**
     * One recording found in the bucket.
     *
     * @param stored the parsed manifest (FINISHED) or pending manifest (PROCESSING_INTERRUPTED), null otherwise
     */
    record Found(String lessonId, String recordingId, Kind kind, StoredRecording stored, long startedAtGuess) {
    }

    private final ObjectStore store;

    StoredRecordingScan(ObjectStore store) {
        this.store = store;
    }

    /** Every recording readable in the bucket; bad manifests are logged and left out. */
    List<Found> scan() throws StorageException {
        Map<String, List<String>> byRecording = new TreeMap<>();
        for (String key : store.list(ROOT)) {
            Matcher m = KEY.matcher(key);
            if (!m.matches()) continue;
            byRecording.computeIfAbsent(m.group(1) + "/" + m.group(2), k -> new ArrayList<>()).add(m.group(3));
        }
        List<Found> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byRecording.entrySet()) {
            String[] ids = e.getKey().split("/");
            List<String> files = e.getValue();
            if (files.contains(Manifest.FILE)) {
                read(ids[0], ids[1], Manifest.FILE).ifPresent(r -> out.add(new Found(ids[0], ids[1], Kind.FINISHED, r,
                        r.startedAtMillis())));
            } else if (files.contains(Manifest.PENDING_FILE)) {
                read(ids[0], ids[1], Manifest.PENDING_FILE).ifPresent(r -> out.add(new Found(ids[0], ids[1],
                        Kind.PROCESSING_INTERRUPTED, r, r.startedAtMillis())));
            } else if (files.stream().anyMatch(f -> f.startsWith("tracks/"))) {
                out.add(new Found(ids[0], ids[1], Kind.LESSON_INTERRUPTED, null, startOf(ids[1])));
            }
        }
        return out;
    }

    private Optional<StoredRecording> read(String lessonId, String recordingId, String file) throws StorageException {
        String key = ROOT + lessonId + "/" + recordingId + "/" + file;
        Optional<ObjectStore.OpenObject> o = store.open(key);
        if (o.isEmpty()) return Optional.empty();
        byte[] bytes;
        try (InputStream in = o.get().body()) {
            bytes = in.readNBytes((int) MAX_MANIFEST_BYTES + 1);
        } catch (IOException e) {
            throw new StorageException("cannot read " + key + ": " + e.getMessage(), e);
        }
        if (bytes.length > MAX_MANIFEST_BYTES) {
            LOG.warn("skipping recording {} of lesson {}: {} is larger than {} bytes", recordingId, lessonId, file,
                    MAX_MANIFEST_BYTES);
            return Optional.empty();
        }
        try {
            return Optional.of(ManifestReader.parse(bytes, lessonId, recordingId));
        } catch (IllegalArgumentException e) {
            LOG.warn("skipping recording {} of lesson {}: bad {}: {}", recordingId, lessonId, file, e.getMessage());
            return Optional.empty();
        }
    }

    /** The start time encoded in a recording id ({@code yyyyMMdd-HHmmss-xxxx}, UTC), or 0. */
    static long startOf(String recordingId) {
        Matcher m = ID_TIME.matcher(recordingId);
        if (!m.matches()) return 0;
        try {
            return LocalDateTime.parse(m.group(1), ID_FORMAT).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }
}
