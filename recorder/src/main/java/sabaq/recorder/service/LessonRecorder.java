package sabaq.recorder.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.recording.RecordingException;
import sabaq.common.recording.RecordingListener;
import sabaq.common.recording.RecordingRequest;
import sabaq.common.recording.RecordingService;
import sabaq.common.recording.RecordingStatus;
import sabaq.common.recording.RecordingSummary;
import sabaq.common.recording.StoredFile;
import sabaq.common.time.TimeSource;
import sabaq.media.dtls.DtlsCertificate;
import sabaq.recorder.ffmpeg.FfmpegTools;
import sabaq.recorder.post.HlsLadder;
import sabaq.recorder.post.PostProcessor;
import sabaq.recorder.post.RecordingMeta;
import sabaq.recorder.post.StoredRecording;
import sabaq.recorder.session.LessonRecording;
import sabaq.recorder.session.RecordingContext;
import sabaq.recorder.session.TrackRecorder;
import sabaq.recorder.storage.ObjectStore;
import sabaq.recorder.storage.StorageException;
import sabaq.recorder.upload.SegmentUploader;
import sabaq.recorder.upload.UploadJournal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The in-process recorder: {@link RecordingService} for signalling. Each recording is a {@link LessonRecording}
 * (a participant of the lesson) while the lesson runs; when it ends, a {@link PostProcessor} job runs on the
 * post-processing pool (never on an event loop or the recorder's scheduler) and reports its progress in percent to
 * the log and to listeners. Segments and outputs are uploaded by one {@link SegmentUploader} with a local spool.
 */
public final class LessonRecorder implements RecordingService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LessonRecorder.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern PUBLISHED = Pattern.compile(
            "hls/master\\.m3u8|hls/(720p|360p|audio)/(index\\.m3u8|seg_\\d{3,6}\\.ts)|poster\\.jpg|original\\.mkv|manifest\\.json");
    static final String INTERRUPTED_DURING_LESSON = "the recorder stopped during the lesson, before post-processing;"
            + " the recorded segments are kept in storage but this recording cannot be played";
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final RecorderConfig config;
    private final ObjectStore store;
    private final TimeSource time;
    private final ScheduledExecutorService scheduler;
    private final ScheduledExecutorService uploadThread;
    private final ExecutorService dtlsExecutor;
    private final ExecutorService jobs;
    private final SegmentUploader uploader;
    private final RecordingContext context;
    private final PostProcessor post;
    private final Map<String, LessonRecording> live = new ConcurrentHashMap<>();
    private final Map<String, List<RecordingState>> byLesson = new ConcurrentHashMap<>();
    private final List<RecordingListener> listeners = new CopyOnWriteArrayList<>();
    private final SecureRandom random = new SecureRandom();
    private volatile boolean closed;

    public LessonRecorder(RecorderConfig config, ObjectStore store, FfmpegTools tools, TimeSource time) {
        this.config = config;
        this.store = store;
        this.time = time;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("recorder"));
        this.uploadThread = Executors.newSingleThreadScheduledExecutor(daemon("recorder-upload"));
        this.dtlsExecutor = Executors.newCachedThreadPool(daemon("recorder-dtls"));
        this.jobs = Executors.newFixedThreadPool(config.postProcessingThreads(), daemon("recorder-job"));
        this.uploader = new SegmentUploader(store, uploadThread, config.uploadRetryMin(), config.uploadRetryMax());
        this.context = new RecordingContext(scheduler, dtlsExecutor, DtlsCertificate.generate(time), store, uploader,
                new TrackRecorder.Settings(tools, config.segmentLength(), config.spoolMaxBytes(), 32L << 20, time),
                config.spoolDir(), config.bindHost(), config.displayName(), config.rejoinBackoff(),
                config.peerSilenceTimeout(), time);
        this.post = new PostProcessor(new HlsLadder(tools, config.ladder()), store, uploader);
    }

    /** Creates the bucket; fails when storage cannot be reached at start. */
    public void checkStorage() throws StorageException {
        store.ensureBucket();
    }

    @Override
    public String start(RecordingRequest request) {
        if (!config.enabled()) throw new RecordingException("recording is switched off on this server");
        synchronized (live) {
            LessonRecording running = live.get(request.lessonId());
            if (running != null) return running.recordingId();
            if (live.size() >= config.maxRecordings()) {
                throw new RecordingException("the server records " + live.size() + " lessons already");
            }
            String id = ID_TIME.format(Instant.ofEpochMilli(time.epochMillis())) + "-"
                    + Integer.toHexString(0x10000 + random.nextInt(0xF0000)).substring(1);
            LessonRecording rec;
            try {
                rec = new LessonRecording(request, id, context);
            } catch (RuntimeException e) {
                throw new RecordingException("cannot record: " + e.getMessage(), e);
            }
            RecordingState state = new RecordingState(id, request.lessonId(), request.title(), request.teacherName(),
                    time.epochMillis());
            byLesson.computeIfAbsent(request.lessonId(), k -> new CopyOnWriteArrayList<>()).add(state);
            live.put(request.lessonId(), rec);
            rec.finished().whenComplete((v, e) -> jobs.execute(() -> postProcess(rec, state)));
            rec.start();
            LOG.info("recording {} of lesson {} started", id, request.lessonId());
            notifyListeners(state);
            return id;
        }
    }

    private void postProcess(LessonRecording rec, RecordingState state) {
        live.remove(rec.request().lessonId(), rec);
        LessonRecording.Snapshot snap = rec.snapshot();
        state.processing(snap.endedAtMillis());
        notifyListeners(state);
        RecordingMeta meta = new RecordingMeta(rec.request().lessonId(), rec.recordingId(), rec.request().title(),
                rec.request().teacherName(), rec.keyPrefix());
        runJob(meta, snap, rec.journal(), state);
    }

    /** Post-processing of one recording, on a job thread; closes the journal when done. */
    private void runJob(RecordingMeta meta, LessonRecording.Snapshot snap, UploadJournal journal,
                        RecordingState state) {
        Path work = config.workDir().resolve(meta.recordingId());
        AtomicInteger logged = new AtomicInteger(-10);
        try {
            PostProcessor.Result r = post.run(meta, snap, journal, work, p -> {
                if (!state.progress(p)) return;
                if (p - logged.get() >= 10) {
                    logged.set(p);
                    LOG.info("recording {} of lesson {}: processing {}%", meta.recordingId(), meta.lessonId(), p);
                }
                notifyListeners(state);
            });
            state.done("ready".equals(r.status()) ? RecordingStatus.READY : RecordingStatus.EMPTY, r.durationSeconds(),
                    HlsLadder.RENDITIONS, r.error());
        } catch (IOException | RuntimeException e) {
            LOG.error("recording {} of lesson {}: post-processing failed", meta.recordingId(), meta.lessonId(), e);
            String why = "processing failed: " + e.getMessage();
            state.done(RecordingStatus.FAILED, 0, List.of(), why);
            if (!closed) recordFailure(meta, snap, why, journal);
        } finally {
            deleteTree(work);
            try {
                journal.close();
            } catch (IOException e) {
                LOG.debug("journal close", e);
            }
        }
        notifyListeners(state);
    }

    /** A failed job's manifest, so the next process lists the failure instead of running the job again. */
    private void recordFailure(RecordingMeta meta, LessonRecording.Snapshot snap, String why, UploadJournal journal) {
        try {
            post.recordFailure(meta, snap, why, journal);
        } catch (RuntimeException e) {
            LOG.warn("recording {}: cannot store the manifest of the failure: {}", meta.recordingId(), e.toString());
        }
    }

    /**
     * Rebuilds the list of recordings from the manifests in storage, on a job thread (returns at once): finished
     * recordings of earlier processes are listed as they were (ready or empty), a recording whose post-processing was
     * cut short by a restart is processed again from its stored segments, and one cut short during the lesson is
     * listed as failed. Bad manifests are logged and skipped. While storage cannot be reached the scan is retried
     * (backoff from {@code upload-retry-min} to {@code upload-retry-max}) until it succeeds or the recorder closes.
     * Listeners hear only of the resumed jobs (their progress and result), not of the recordings merely listed.
     *
     * @return completes with the number of recordings added to the list
     */
    public CompletableFuture<Integer> loadStoredRecordings() {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        jobs.execute(() -> scanStored(done, config.uploadRetryMin()));
        return done;
    }

    private void scanStored(CompletableFuture<Integer> done, Duration retry) {
        List<StoredRecordingScan.Found> found;
        try {
            found = new StoredRecordingScan(store).scan();
        } catch (StorageException | RuntimeException e) {
            LOG.warn("cannot list stored recordings ({}); trying again in {} ms", e.getMessage(), retry.toMillis());
            Duration next = retry.multipliedBy(2).compareTo(config.uploadRetryMax()) > 0 ? config.uploadRetryMax()
                    : retry.multipliedBy(2);
            try {
                scheduler.schedule(() -> jobs.execute(() -> scanStored(done, next)), retry.toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException rejected) {
                done.completeExceptionally(e);
            }
            return;
        }
        int added = 0;
        try {
            for (StoredRecordingScan.Found f : found) {
                if (addStored(f)) added++;
            }
        } catch (RejectedExecutionException rejected) {
            done.completeExceptionally(rejected);
            return;
        }
        LOG.info("{} recordings of earlier processes listed from storage", added);
        done.complete(added);
    }

    private boolean addStored(StoredRecordingScan.Found f) {
        List<RecordingState> states = byLesson.computeIfAbsent(f.lessonId(), k -> new CopyOnWriteArrayList<>());
        synchronized (states) {
            if (states.stream().anyMatch(s -> s.recordingId().equals(f.recordingId()))) return false;
            StoredRecording r = f.stored();
            RecordingState state;
            if (f.kind() == StoredRecordingScan.Kind.FINISHED) {
                state = RecordingState.stored(f.recordingId(), f.lessonId(), r.meta().title(), r.meta().teacherName(),
                        r.startedAtMillis(), r.endedAtMillis(),
                        finishedStatus(r.status()),
                        r.durationSeconds(), r.renditions(), r.error());
            } else if (f.kind() == StoredRecordingScan.Kind.PROCESSING_INTERRUPTED) {
                state = new RecordingState(f.recordingId(), f.lessonId(), r.meta().title(), r.meta().teacherName(),
                        r.startedAtMillis());
                state.processing(r.endedAtMillis());
                jobs.execute(() -> resume(r, state));
            } else {
                state = RecordingState.stored(f.recordingId(), f.lessonId(), "", "", f.startedAtGuess(), 0,
                        RecordingStatus.FAILED, 0, List.of(), INTERRUPTED_DURING_LESSON);
            }
            states.add(state);
            return true;
        }
    }

    private static RecordingStatus finishedStatus(String manifestStatus) {
        if ("ready".equals(manifestStatus)) return RecordingStatus.READY;
        if ("empty".equals(manifestStatus)) return RecordingStatus.EMPTY;
        return RecordingStatus.FAILED;
    }

    private void resume(StoredRecording r, RecordingState state) {
        RecordingMeta meta = r.meta();
        LOG.info("recording {} of lesson {}: post-processing was interrupted by a restart; running it again",
                meta.recordingId(), meta.lessonId());
        Path work = config.workDir().resolve(meta.recordingId());
        deleteTree(work);
        UploadJournal journal;
        try {
            journal = UploadJournal.open(config.workDir().resolve(meta.recordingId() + ".resume.journal"));
        } catch (IOException e) {
            LOG.error("recording {}: cannot open a journal to resume post-processing", meta.recordingId(), e);
            state.done(RecordingStatus.FAILED, 0, List.of(), "post-processing was interrupted and cannot be resumed: "
                    + e.getMessage());
            notifyListeners(state);
            return;
        }
        runJob(meta, r.snapshot(), journal, state);
        try {
            Files.deleteIfExists(config.workDir().resolve(meta.recordingId() + ".resume.journal"));
        } catch (IOException e) {
            LOG.debug("cannot delete the resume journal", e);
        }
    }

    @Override
    public void lessonEnded(String lessonId) {
        LessonRecording rec = live.get(lessonId);
        if (rec != null) rec.stop();
    }

    @Override
    public boolean isRecording(String lessonId) {
        return live.containsKey(lessonId);
    }

    @Override
    public List<RecordingSummary> recordings(String lessonId) {
        List<RecordingState> states = byLesson.getOrDefault(lessonId, List.of());
        List<RecordingSummary> out = new ArrayList<>();
        for (RecordingState s : states) out.add(s.summary());
        out.sort(Comparator.comparingLong(RecordingSummary::startedAtMillis));
        return out;
    }

    @Override
    public Optional<StoredFile> openObject(String lessonId, String recordingId, String path) {
        if (!ID.matcher(lessonId).matches() || !ID.matcher(recordingId).matches() || !PUBLISHED.matcher(path).matches()) {
            return Optional.empty();
        }
        boolean known = byLesson.getOrDefault(lessonId, List.of()).stream()
                .anyMatch(s -> s.recordingId().equals(recordingId) && s.status() == RecordingStatus.READY);
        if (!known) return Optional.empty();
        try {
            return store.open("recordings/" + lessonId + "/" + recordingId + "/" + path)
                    .map(o -> new StoredFile(o.body(), o.length(), PostProcessor.contentType(path)));
        } catch (StorageException e) {
            LOG.warn("cannot open {} of recording {}: {}", path, recordingId, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void addListener(RecordingListener listener) {
        listeners.add(listener);
    }

    /** The live recording of a lesson, for operators and fault tests. */
    public Optional<LessonRecording> liveRecording(String lessonId) {
        return Optional.ofNullable(live.get(lessonId));
    }

    public SegmentUploader uploader() {
        return uploader;
    }

    private void notifyListeners(RecordingState state) {
        RecordingSummary s = state.summary();
        for (RecordingListener l : listeners) {
            try {
                l.onRecordingChanged(s);
            } catch (RuntimeException e) {
                LOG.warn("recording listener failed", e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        live.values().forEach(LessonRecording::stop);
        scheduler.shutdownNow();
        jobs.shutdownNow();
        dtlsExecutor.shutdownNow();
        uploadThread.shutdownNow();
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("cannot delete {}", dir, e);
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
