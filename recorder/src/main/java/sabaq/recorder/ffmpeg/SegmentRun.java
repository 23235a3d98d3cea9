package sabaq.recorder.ffmpeg;

import com.github.kokorin.jaffree.LogLevel;
import com.github.kokorin.jaffree.ffmpeg.FFmpegResultFuture;
import com.github.kokorin.jaffree.ffmpeg.PipeInput;
import com.github.kokorin.jaffree.ffmpeg.UrlOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.media.TrackKind;
import sabaq.recorder.media.IvfWriter;
import sabaq.recorder.media.MediaFrame;
import sabaq.recorder.media.OggOpusWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * One FFmpeg process that writes one track into short WebM segments, driven through Jaffree: frames go in as IVF
 * (VP8) or Ogg (Opus) over Jaffree's pipe input, FFmpeg copies them without re-encoding into the segment muxer
 * ({@code -f segment -segment_format webm}), which starts a new file at the first key frame after each
 * {@code segmentLength} and lists every closed file in a CSV. Files are named {@code <prefix>-s00000.webm}.
 *
 * <p>{@link #write} never blocks (a full stream refuses the frame); {@link #finish} ends the input so FFmpeg closes
 * the last segment and exits. If FFmpeg dies (killed, crashed) {@link #exited} completes and the owner starts a new
 * run; the segment it was writing is not in the list (see {@link #unlistedFiles}).
 */
public final class SegmentRun {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentRun.class);
    public static final String EXTENSION = ".webm";
    private static final Duration PROCESS_LOOKUP = Duration.ofSeconds(10);

    private final FfmpegTools tools;
    private final Path dir;
    private final String prefix;
    private final TrackKind kind;
    private final Duration segmentLength;
    private final FrameStream stream;
    private final ByteArrayOutputStream encoded = new ByteArrayOutputStream(64 * 1024);
    private final IvfWriter ivf;
    private final OggOpusWriter ogg;
    private final CompletableFuture<Void> exited = new CompletableFuture<>();
    private FFmpegResultFuture process;
    private volatile ProcessHandle ffmpegProcess;
    private volatile boolean finishing;
    private long framesWritten;
    private long framesRefused;

    public SegmentRun(FfmpegTools tools, Path dir, String prefix, TrackKind kind, Duration segmentLength,
                      long streamCapacityBytes) {
        this.tools = Objects.requireNonNull(tools, "tools");
        this.dir = Objects.requireNonNull(dir, "dir");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.segmentLength = Objects.requireNonNull(segmentLength, "segmentLength");
        this.stream = new FrameStream(streamCapacityBytes);
        this.ivf = kind == TrackKind.VIDEO ? new IvfWriter(encoded) : null;
        this.ogg = kind == TrackKind.AUDIO ? new OggOpusWriter(encoded, prefix.hashCode()) : null;
    }

    /** Starts FFmpeg; it waits for the first frame. */
    public synchronized void start() {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        process = tools.ffmpeg()
                .setLogLevel(LogLevel.ERROR)
                .setOverwriteOutput(true)
                .setContextName(prefix)
                .addInput(PipeInput.pumpFrom(stream).setFormat(kind == TrackKind.VIDEO ? "ivf" : "ogg"))
                .addOutput(UrlOutput.toPath(dir.resolve(prefix + "-s%05d" + EXTENSION))
                        .setFormat("segment")
                        .copyAllCodecs()
                        .addArguments("-segment_time", String.format(java.util.Locale.ROOT, "%.3f",
                                segmentLength.toMillis() / 1000.0))
                        .addArguments("-segment_format", "webm")
                        .addArguments("-segment_list", listFile().toString())
                        .addArguments("-segment_list_type", "csv")
                        .addArguments("-reset_timestamps", "1"))
                .executeAsync();
        process.toCompletableFuture().whenComplete((r, e) -> {
            if (e != null && !finishing) LOG.warn("ffmpeg of {} exited abnormally: {}", prefix, e.toString());
            stream.abort();
            exited.complete(null);
        });
        CompletableFuture.runAsync(this::watchProcess);
    }

    /** Queues one frame; false when FFmpeg does not keep up or has exited (the caller drops the frame). */
    public synchronized boolean write(MediaFrame f) {
        if (exited.isDone() || finishing) return false;
        encoded.reset();
        try {
            if (ivf != null) {
                ivf.write(f);
            } else {
                ogg.write(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean ok = stream.offer(encoded.toByteArray());
        if (ok) {
            framesWritten++;
        } else {
            framesRefused++;
        }
        return ok;
    }

    /**
     * Finds our FFmpeg child once and ends the input stream when it exits: Jaffree's pump thread would otherwise
     * wait for the next frame before noticing a killed FFmpeg.
     */
    private void watchProcess() {
        String marker = listFile().toString();
        long deadline = System.nanoTime() + PROCESS_LOOKUP.toNanos();
        while (ffmpegProcess == null && !exited.isDone() && System.nanoTime() < deadline) {
            ProcessHandle.current().descendants()
                    .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                    .findFirst()
                    .ifPresent(p -> {
                        ffmpegProcess = p;
                        p.onExit().thenRun(stream::abort);
                    });
            if (ffmpegProcess == null) LockSupport.parkNanos(20_000_000L);
        }
    }

    /** The FFmpeg process, once it was seen (for operators and fault tests). */
    public java.util.Optional<ProcessHandle> process() {
        return java.util.Optional.ofNullable(ffmpegProcess);
    }

    /** Ends the input: FFmpeg closes the last segment and exits. Returns {@link #exited}. */
    public CompletableFuture<Void> finish() {
        finishing = true;
        stream.finish();
        return exited;
    }

    /** Kills FFmpeg at once. */
    public void kill() {
        finishing = true;
        FFmpegResultFuture p;
        synchronized (this) {
            p = process;
        }
        if (p != null) p.forceStop();
        stream.abort();
    }

    /** Completes when the FFmpeg process has exited, for whatever reason. */
    public CompletableFuture<Void> exited() {
        return exited;
    }

    /** True when FFmpeg exited without being asked to. */
    public boolean died() {
        return exited.isDone() && !finishing;
    }

    public Path dir() {
        return dir;
    }

    public String prefix() {
        return prefix;
    }

    public Path listFile() {
        return dir.resolve(prefix + ".csv");
    }

    /** Segments FFmpeg has closed so far. */
    public List<SegmentList.Entry> finishedSegments() {
        try {
            return SegmentList.parse(Files.readString(listFile(), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            LOG.warn("cannot read segment list {}: {}", listFile(), e.toString());
            return List.of();
        }
    }

    /** Segment files of this run that are not (yet) in the list: the one being written, or a dead run's last one. */
    public List<Path> unlistedFiles() {
        List<String> listed = finishedSegments().stream().map(SegmentList.Entry::fileName).toList();
        try (var files = Files.list(dir)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix + "-s") && n.endsWith(EXTENSION) && !listed.contains(n);
            }).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public synchronized long framesWritten() {
        return framesWritten;
    }

    public synchronized long framesRefused() {
        return framesRefused;
    }
}
