package sabaq.studio.operation;

import sabaq.recorder.storage.Sha256;
import sabaq.studio.Json;
import sabaq.studio.StudioServices;
import sabaq.studio.error.OperationException;
import sabaq.studio.error.StudioError;
import sabaq.studio.plan.EditPlan;
import sabaq.studio.store.StoreFiles;
import sabaq.studio.workflow.Operation;
import sabaq.studio.workflow.StepContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@code upload}: stores the lesson's published files (HLS, thumbnails, chapter tracks) in the studio bucket under
 * {@code published/<courseId>/<publicationId>/lessons/<lessonId>/}, each verified by read-back; files already stored
 * with the same checksum (a resumed job) are skipped. Writes the lesson's part of the course manifest
 * ({@code lesson-manifest}).
 */
public final class UploadOperation implements Operation {
    public static final String LESSON_MANIFEST = "lesson-manifest";
    static final int THREADS = 4;

    @Override
    public String name() {
        return "upload";
    }

    /** The object key prefix of a publication. */
    public static String publicationPrefix(String courseId, String publicationId) {
        return "published/" + courseId + "/" + publicationId + "/";
    }

    @Override
    public void run(StepContext ctx) throws OperationException {
        StudioServices s = ctx.services();
        EditPlan plan = Plans.read(ctx);
        String lessonDir = "lessons/" + ctx.lesson().id() + "/";
        String prefix = publicationPrefix(ctx.course().id(), ctx.jobId());
        Path hls = ctx.require(HlsOperation.HLS);
        Optional<Path> thumbs = ctx.artifact(ThumbnailsOperation.THUMBNAILS);
        List<String[]> files = new ArrayList<>();
        collect(hls, lessonDir + "hls/", files);
        thumbs.ifPresent(t -> collect(t, lessonDir, files));
        List<LessonManifest.Track> chapterTracks = new ArrayList<>();
        for (String lang : new String[]{"kk", "ru"}) {
            Optional<Path> ch = ctx.artifact("chapters-" + lang);
            if (ch.isPresent()) {
                String rel = lessonDir + "chapters-" + lang + ".vtt";
                files.add(new String[]{ch.get().toString(), rel});
                chapterTracks.add(new LessonManifest.Track(lang, rel));
            }
        }
        long total = 0;
        for (String[] f : files) total += size(Path.of(f[0]));
        uploadAll(ctx, s, prefix, files, total);
        List<LessonManifest.Track> subtitles = new ArrayList<>();
        for (String lang : new String[]{"kk", "ru"}) {
            if (Files.exists(hls.resolve("subtitles").resolve(lang).resolve("subtitles.vtt"))) {
                subtitles.add(new LessonManifest.Track(lang, lessonDir + "hls/subtitles/" + lang + "/subtitles.vtt"));
            }
        }
        List<String> renditions = new ArrayList<>();
        for (Map<String, String> r : s.profiles().get("hls-ladder").set("renditions")) renditions.add(r.get("name"));
        renditions.add("audio");
        List<ChaptersOperation.PublishedChapter> chapters = new ArrayList<>();
        Optional<Path> chaptersJson = ctx.artifact("chapters");
        try {
            if (chaptersJson.isPresent()) {
                chapters.addAll(List.of(Json.read(chaptersJson.get(), ChaptersOperation.PublishedChapter[].class)));
            }
            LessonManifest m = new LessonManifest(ctx.lesson().id(), ctx.lesson().title(), ctx.lesson().description(),
                    Math.round(plan.durationSeconds() * 1000) / 1000.0, lessonDir + "hls/master.m3u8",
                    thumbs.isPresent() ? lessonDir + "poster.jpg" : null, renditions, subtitles, chapterTracks, chapters,
                    ctx.artifact(AudioDescriptionOperation.DESCRIBED).isPresent(), plan.pip() != null);
            Path out = ctx.outputDir().resolve("lesson-manifest.json");
            Json.write(out, m);
            ctx.output(LESSON_MANIFEST, out);
        } catch (IOException e) {
            throw Plans.internal(e);
        }
    }

    /**
     * Uploads the files on {@value #THREADS} threads: each object is a few requests (stat, put, read-back) whose
     * latency, not bandwidth, bounds a lesson of hundreds of segments. The first failure stops the rest.
     */
    private static void uploadAll(StepContext ctx, StudioServices s, String prefix, List<String[]> files, long total)
            throws OperationException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "studio-upload");
            t.setDaemon(true);
            return t;
        });
        AtomicLong sent = new AtomicLong();
        List<Future<Void>> pending = new ArrayList<>();
        try {
            for (String[] f : files) {
                pending.add(pool.submit(() -> {
                    if (ctx.cancellation().cancelled()) throw new OperationException(StudioError.CANCELLED, Map.of(), "upload cancelled");
                    Path file = Path.of(f[0]);
                    StoreFiles.putIfChanged(s.store(), prefix + f[1], file, StoreFiles.contentType(f[1]), Sha256.of(file));
                    long done = sent.addAndGet(size(file));
                    ctx.progress(total == 0 ? 1 : done / (double) total);
                    return null;
                }));
            }
            for (Future<Void> f : pending) f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof OperationException) throw (OperationException) c;
            throw new OperationException(StudioError.STORAGE_FAILED, Map.of("detail", String.valueOf(c.getMessage())), String.valueOf(c), c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationException(StudioError.CANCELLED, Map.of(), "upload interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void collect(Path dir, String keyPrefix, List<String[]> out) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).sorted().forEach(p -> out.add(new String[]{p.toString(),
                    keyPrefix + dir.relativize(p).toString().replace('\\', '/')}));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
