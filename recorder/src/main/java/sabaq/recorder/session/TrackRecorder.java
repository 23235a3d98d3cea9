package sabaq.recorder.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.media.TrackKind;
import sabaq.common.time.TimeSource;
import sabaq.recorder.ffmpeg.FfmpegTools;
import sabaq.recorder.ffmpeg.SegmentList;
import sabaq.recorder.ffmpeg.SegmentRun;
import sabaq.recorder.media.MediaFrame;
import sabaq.recorder.media.OpusFrameBuilder;
import sabaq.recorder.media.ReorderBuffer;
import sabaq.recorder.media.RtpPacketView;
import sabaq.recorder.media.Vp8FrameBuilder;
import sabaq.recorder.upload.SegmentUploader;
import sabaq.recorder.upload.UploadJournal;
import sabaq.recorder.upload.UploadTask;
import sabaq.recorder.webrtc.InboundSink;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Records one subscribed track: packets are put back in order ({@link ReorderBuffer}, waiting for NACKed
 * retransmissions), rebuilt into frames ({@link Vp8FrameBuilder}, {@link OpusFrameBuilder}) and written by an FFmpeg
 * {@link SegmentRun} into ~10 s WebM segments; each closed segment is handed to the {@link SegmentUploader} under
 * {@code <keyPrefix>/<run>-s<n>.webm}. Video asks for a key frame (PLI) at each segment boundary and whenever the
 * decoding chain broke. A new run (new FFmpeg) starts when FFmpeg died, when the resolution changed (so each file's
 * header is right) and after each re-subscription; runs are numbered per track across the whole recording.
 *
 * <p>Wall-clock times: the first packet's arrival time anchors the RTP clock, so segment starts are comparable
 * across tracks and across runs (the gap of an outage stays a gap). While the spool holds more than its bound the
 * frames are dropped (a gap, logged) rather than filling the disk. Synchronized: fed by the peer's receive thread,
 * ticked by its scheduler.
 */
public final class TrackRecorder implements InboundSink {
    private static final Logger LOG = LoggerFactory.getLogger(TrackRecorder.class);
    private static final long REORDER_WAIT_NANOS = 250_000_000L;
    private static final long LIST_POLL_NANOS = 500_000_000L;

    /** Settings shared by the tracks of a recording. */
    public record Settings(FfmpegTools tools, Duration segmentLength, long spoolMaxBytes, long streamCapacityBytes,
                           TimeSource time) {
    }

    private final Settings settings;
    private final TrackInfo track;
    private final Path dir;
    private final String keyPrefix;
    private final IntSupplier nextRun;
    private final SegmentUploader uploader;
    private final UploadJournal journal;
    private final Consumer<SegmentRecord> onStored;
    private final Runnable keyframeRequest;
    private final ReorderBuffer reorder;
    private final Vp8FrameBuilder vp8;
    private final Set<String> submitted = new HashSet<>();
    private SegmentRun run;
    private String runName;
    private long runStartMillis;
    private int runWidth;
    private int runHeight;
    private long clockBaseTs = Long.MIN_VALUE;
    private long clockBaseMillis;
    private long lastListPollNanos;
    private long lastBoundaryPliNanos;
    private long framesDroppedSpoolFull;
    private boolean spoolWarned;
    private boolean closed;

    public TrackRecorder(Settings settings, TrackInfo track, Path dir, String keyPrefix, IntSupplier nextRun,
                         SegmentUploader uploader, UploadJournal journal, Consumer<SegmentRecord> onStored,
                         Runnable keyframeRequest) {
        this.settings = settings;
        this.track = track;
        this.dir = dir;
        this.keyPrefix = keyPrefix;
        this.nextRun = nextRun;
        this.uploader = uploader;
        this.journal = journal;
        this.onStored = onStored;
        this.keyframeRequest = keyframeRequest;
        if (track.kind() == TrackKind.VIDEO) {
            this.vp8 = new Vp8FrameBuilder(new Vp8FrameBuilder.Listener() {
                @Override
                public void onFrame(MediaFrame frame) {
                    write(frame);
                }

                @Override
                public void keyframeNeeded() {
                    keyframeRequest.run();
                }
            });
            this.reorder = new ReorderBuffer(REORDER_WAIT_NANOS, vp8);
        } else {
            this.vp8 = null;
            this.reorder = new ReorderBuffer(REORDER_WAIT_NANOS, new OpusFrameBuilder(this::write));
        }
    }

    public TrackInfo track() {
        return track;
    }

    @Override
    public synchronized void onPacket(RtpPacketView p) {
        if (closed) return;
        if (clockBaseTs == Long.MIN_VALUE) {
            clockBaseTs = p.timestamp();
            clockBaseMillis = settings.time().epochMillis();
        }
        reorder.add(p, p.arrivalNanos());
    }

    @Override
    public synchronized List<Long> missing(int max) {
        return reorder.missing(max);
    }

    @Override
    public synchronized void tick(long nowNanos) {
        if (closed) return;
        reorder.poll(nowNanos);
        if (run != null && run.died()) {
            LOG.warn("track {}: FFmpeg of run {} died; starting a new run at the next key frame", track.trackId(), runName);
            collect(run, runName, runStartMillis, runWidth, runHeight);
            run = null;
            if (vp8 != null) vp8.requireKeyframe();
            keyframeRequest.run();
        }
        if (run != null && nowNanos - lastListPollNanos >= LIST_POLL_NANOS) {
            lastListPollNanos = nowNanos;
            collect(run, runName, runStartMillis, runWidth, runHeight);
        }
        if (vp8 != null && run != null
                && nowNanos - lastBoundaryPliNanos >= settings.segmentLength().toNanos()) {
            lastBoundaryPliNanos = nowNanos;
            keyframeRequest.run();
        }
    }

    private void write(MediaFrame f) {
        if (closed) return;
        if (uploader.pendingBytes() > settings.spoolMaxBytes()) {
            framesDroppedSpoolFull++;
            if (!spoolWarned) {
                LOG.warn("track {}: the spool holds more than {} bytes waiting for storage; dropping media until it drains",
                        track.trackId(), settings.spoolMaxBytes());
                spoolWarned = true;
            }
            if (vp8 != null) vp8.requireKeyframe();
            return;
        }
        spoolWarned = false;
        if (vp8 != null && f.keyframe() && run != null && (f.width() != runWidth || f.height() != runHeight)) {
            LOG.info("track {}: resolution {}x{} -> {}x{}, new run", track.trackId(), runWidth, runHeight,
                    f.width(), f.height());
            finishRun();
        }
        if (run == null) {
            if (vp8 != null && !f.keyframe()) return;
            startRun(f);
        }
        if (!run.write(f)) {
            if (vp8 != null) {
                vp8.requireKeyframe();
                keyframeRequest.run();
            }
        }
    }

    private void startRun(MediaFrame first) {
        runName = String.format("r%03d", nextRun.getAsInt());
        runStartMillis = clockBaseMillis + (first.timestamp() - clockBaseTs) * 1000
                / (track.kind() == TrackKind.VIDEO ? 90_000 : 48_000);
        runWidth = first.width();
        runHeight = first.height();
        run = new SegmentRun(settings.tools(), dir, runName, track.kind(), settings.segmentLength(),
                settings.streamCapacityBytes());
        run.start();
        lastBoundaryPliNanos = settings.time().nanoTime();
    }

    /** Hands the run's newly closed segments to the uploader. */
    private void collect(SegmentRun r, String name, long startMillis, int width, int height) {
        List<SegmentList.Entry> entries = r.finishedSegments();
        for (int i = 0; i < entries.size(); i++) {
            SegmentList.Entry e = entries.get(i);
            if (!submitted.add(name + "/" + e.fileName())) continue;
            Path file = r.dir().resolve(e.fileName());
            String key = keyPrefix + "/" + e.fileName();
            long segStart = startMillis + Math.round(e.startSeconds() * 1000);
            long duration = Math.round(e.durationSeconds() * 1000);
            int index = i;
            uploader.submit(new UploadTask(file, key, "video/webm", journal, true, stored ->
                    onStored.accept(new SegmentRecord(track.trackId(), key, name, index, segStart, duration, width,
                            height, stored.length(), stored.sha256()))));
        }
    }

    private void finishRun() {
        SegmentRun r = run;
        if (r == null) return;
        String name = runName;
        long start = runStartMillis;
        int w = runWidth;
        int h = runHeight;
        run = null;
        r.finish().thenRun(() -> {
            synchronized (this) {
                collect(r, name, start, w, h);
            }
        });
    }

    /**
     * Stops recording this track: FFmpeg closes its last segment; the future completes when every segment of every
     * run is handed to the uploader.
     */
    public CompletableFuture<Void> close() {
        SegmentRun r;
        String name;
        long start;
        int w;
        int h;
        synchronized (this) {
            if (closed) return CompletableFuture.completedFuture(null);
            closed = true;
            r = run;
            name = runName;
            start = runStartMillis;
            w = runWidth;
            h = runHeight;
            run = null;
        }
        if (r == null) return CompletableFuture.completedFuture(null);
        return r.finish().thenRun(() -> {
            synchronized (this) {
                collect(r, name, start, w, h);
            }
        });
    }

    public synchronized long framesDroppedSpoolFull() {
        return framesDroppedSpoolFull;
    }

    /** The FFmpeg process of the current run, if any (fault tests kill it). */
    public synchronized java.util.Optional<ProcessHandle> ffmpegProcess() {
        return run == null ? java.util.Optional.empty() : run.process();
    }
}
