package sabaq.recorder.post;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.recorder.session.LessonRecording;
import sabaq.recorder.session.SegmentRecord;
import sabaq.recorder.session.TrackInfo;
import sabaq.recorder.storage.ObjectStore;
import sabaq.recorder.storage.StorageException;
import sabaq.recorder.storage.StoredObject;
import sabaq.recorder.upload.SegmentUploader;
import sabaq.recorder.upload.UploadJournal;
import sabaq.recorder.upload.UploadTask;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * The job after a lesson: fetch the stored segments, lay every track on the lesson timeline ({@link TrackTimeline}),
 * transcode the composite into the HLS ladder ({@link HlsLadder}), make the poster and the original, upload it all
 * (verified, journaled, retried while storage is down) and write the {@link Manifest} last, so a manifest with
 * status {@code ready} means every file it names is stored. Before the work starts it stores the pending manifest
 * ({@link Manifest#PENDING_FILE}), so a job cut short by a crash can be run again ({@link ManifestReader}).
 * Progress goes 0–100 (download 0–10, transcode 10–85, poster and original 85–92, upload 92–100). Blocking: run it
 * on a worker thread.
 */
public final class PostProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(PostProcessor.class);

    /** The job's outcome. */
    public record Result(String status, double durationSeconds, String error) {
    }

    private final HlsLadder ladder;
    private final ObjectStore store;
    private final SegmentUploader uploader;

    public PostProcessor(HlsLadder ladder, ObjectStore store, SegmentUploader uploader) {
        this.ladder = ladder;
        this.store = store;
        this.uploader = uploader;
    }

    public Result run(RecordingMeta meta, LessonRecording.Snapshot snap, UploadJournal journal, Path work,
                      IntConsumer progress) throws IOException {
        Map<String, List<SegmentRecord>> byTrack = new LinkedHashMap<>();
        for (SegmentRecord s : snap.segments()) byTrack.computeIfAbsent(s.trackId(), k -> new ArrayList<>()).add(s);
        byTrack.values().forEach(l -> l.sort(Comparator.comparingLong(SegmentRecord::startMillis)));
        if (snap.segments().isEmpty()) {
            String why = snap.tracks().isEmpty() ? "nothing was published during the recording"
                    : "no media could be recorded (no key frame or no packets arrived)";
            publishManifest(Manifest.FILE, meta, snap, "empty", why, 0, byTrack, List.of(), journal);
            progress.accept(100);
            return new Result("empty", 0, why);
        }
        publishManifest(Manifest.PENDING_FILE, meta, snap, "processing", null, 0, byTrack, List.of(), journal);
        long origin = snap.segments().stream().mapToLong(SegmentRecord::startMillis).min().orElseThrow();
        long end = snap.segments().stream().mapToLong(SegmentRecord::endMillis).max().orElseThrow();
        double duration = Math.max(0.5, (end - origin) / 1000.0);
        Files.createDirectories(work);

        List<TrackTimeline> timelines = new ArrayList<>();
        List<Path> lists = new ArrayList<>();
        int fetched = 0;
        for (TrackInfo t : snap.tracks()) {
            List<SegmentRecord> segs = byTrack.getOrDefault(t.trackId(), List.of());
            if (segs.isEmpty()) continue;
            TrackTimeline tl = new TrackTimeline(t, segs, origin);
            Path dir = Files.createDirectories(work.resolve("segments").resolve(t.keyName()));
            Map<String, String> fileOf = new HashMap<>();
            for (SegmentRecord s : tl.segments()) {
                Path local = dir.resolve(s.run() + "-" + s.index() + ".webm");
                fetch(s.key(), local);
                fileOf.put(s.key(), local.toAbsolutePath().toString());
                progress.accept((int) (10.0 * ++fetched / snap.segments().size()));
            }
            Path list = work.resolve(t.keyName() + ".ffconcat");
            Files.writeString(list, tl.concatList(fileOf), StandardCharsets.UTF_8);
            timelines.add(tl);
            lists.add(list);
        }
        Path hls = work.resolve("hls");
        Files.createDirectories(hls);
        ladder.transcode(timelines, lists, duration, hls, f -> progress.accept(10 + (int) (75 * f)));
        progress.accept(85);
        Path poster = work.resolve("poster.jpg");
        ladder.poster(hls, Math.min(5.0, duration / 2), poster);
        Path original = work.resolve("original.mkv");
        ladder.original(timelines, lists, original);
        progress.accept(92);

        List<Path> outputs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(hls)) {
            files.filter(Files::isRegularFile).sorted().forEach(outputs::add);
        }
        outputs.add(poster);
        outputs.add(original);
        List<CompletableFuture<StoredObject>> uploads = new ArrayList<>();
        for (Path f : outputs) {
            String rel = work.relativize(f).toString().replace('\\', '/');
            uploads.add(uploader.submit(new UploadTask(f, meta.keyPrefix() + "/" + rel, contentType(rel), journal,
                    false, o -> { })));
        }
        List<StoredObject> stored = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            stored.add(uploads.get(i).join());
            progress.accept(92 + 7 * (i + 1) / uploads.size());
        }
        publishManifest(Manifest.FILE, meta, snap, "ready", null, duration, byTrack, stored, journal);
        progress.accept(100);
        LOG.info("recording {} of lesson {} ready: {} s, {} files", meta.recordingId(), meta.lessonId(),
                String.format(java.util.Locale.ROOT, "%.1f", duration), stored.size());
        return new Result("ready", duration, null);
    }

    /**
     * Stores the manifest of a job that failed (status {@code failed} with the reason), so the recording is listed
     * as failed after a restart instead of being processed again. Blocks until it is stored.
     */
    public void recordFailure(RecordingMeta meta, LessonRecording.Snapshot snap, String error, UploadJournal journal) {
        Map<String, List<SegmentRecord>> byTrack = new LinkedHashMap<>();
        for (SegmentRecord s : snap.segments()) byTrack.computeIfAbsent(s.trackId(), k -> new ArrayList<>()).add(s);
        publishManifest(Manifest.FILE, meta, snap, "failed", error, 0, byTrack, List.of(), journal);
    }

    private void fetch(String key, Path local) throws IOException {
        try {
            ObjectStore.OpenObject o = store.open(key).orElseThrow(() -> new IOException("segment missing in storage: " + key));
            try (InputStream in = o.body()) {
                Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (StorageException e) {
            throw new IOException("cannot fetch " + key + ": " + e.getMessage(), e);
        }
    }

    private void publishManifest(String name, RecordingMeta meta, LessonRecording.Snapshot snap, String status,
                                 String error, double duration, Map<String, List<SegmentRecord>> byTrack,
                                 List<StoredObject> files, UploadJournal journal) {
        try {
            Path tmp = Files.createTempFile("manifest-", ".json");
            Files.writeString(tmp, Manifest.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                    Manifest.build(meta, snap, status, error, duration, byTrack, files)), StandardCharsets.UTF_8);
            uploader.submit(new UploadTask(tmp, meta.keyPrefix() + "/" + name, "application/json", journal,
                    true, o -> { })).join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content type of a published file, by its extension. */
    public static String contentType(String name) {
        if (name.endsWith(".m3u8")) return "application/vnd.apple.mpegurl";
        if (name.endsWith(".ts")) return "video/mp2t";
        if (name.endsWith(".jpg")) return "image/jpeg";
        if (name.endsWith(".mkv")) return "video/x-matroska";
        if (name.endsWith(".json")) return "application/json";
        return "application/octet-stream";
    }
}
