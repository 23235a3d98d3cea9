package sabaq.studio.web;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.recorder.storage.ObjectStore;
import sabaq.studio.Studio;
import sabaq.studio.catalog.CatalogEntry;
import sabaq.studio.course.CourseValidator;
import sabaq.studio.job.JobJournal;
import sabaq.studio.operation.PublishOperation;
import sabaq.studio.operation.UploadOperation;
import sabaq.studio.store.StoreFiles;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * What students see: the catalog of published courses, a course's manifest, and the files of its current
 * publication (HLS playlists and segments, WebVTT subtitles and chapters, posters) streamed from the object store.
 * Only published courses exist here: drafts and older publications are never served.
 */
final class CatalogApi {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogApi.class);
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_./-]{1,300}");
    private static final int CHUNK = 64 * 1024;

    private final Vertx vertx;
    private final Studio studio;
    private final long cacheSeconds;

    CatalogApi(Vertx vertx, Studio studio) {
        this.vertx = vertx;
        this.studio = studio;
        this.cacheSeconds = studio.services().config().mediaCache().toSeconds();
    }

    void list(RoutingContext ctx) {
        vertx.executeBlocking(() -> Map.of("courses", studio.services().catalog().list()), false).onComplete(ar -> {
            if (ar.succeeded()) ApiResponses.json(ctx, 200, ar.result());
            else ApiResponses.failure(ctx, ar.cause());
        });
    }

    /** The catalog entry, the course manifest and the base address of the publication's files. */
    void course(RoutingContext ctx) {
        String id = ctx.pathParam("courseId");
        vertx.executeBlocking(() -> {
            Optional<CatalogEntry> e = studio.services().catalog().get(id);
            if (e.isEmpty()) return null;
            Optional<PublishOperation.CourseManifest> m = StoreFiles.readJson(studio.services().store(),
                    e.get().manifest(), PublishOperation.CourseManifest.class);
            if (m.isEmpty()) return null;
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("entry", e.get());
            out.put("manifest", m.get());
            out.put("base", "/media/courses/" + id + "/" + e.get().publicationId() + "/");
            return out;
        }, false).onComplete(ar -> {
            if (ar.failed()) ApiResponses.failure(ctx, ar.cause());
            else if (ar.result() == null) ApiResponses.error(ctx, 404, "NOT_FOUND", "no published course " + id, Map.of());
            else ApiResponses.json(ctx, 200, ar.result());
        });
    }

    /** {@code /media/courses/:courseId/:publicationId/*}: a file of the course's current publication. */
    void file(RoutingContext ctx) {
        String courseId = ctx.pathParam("courseId");
        String publicationId = ctx.pathParam("publicationId");
        String prefix = "/media/courses/" + courseId + "/" + publicationId + "/";
        String path = ctx.normalizedPath().startsWith(prefix) ? ctx.normalizedPath().substring(prefix.length()) : "";
        if (!CourseValidator.isId(courseId) || !JobJournal.isId(publicationId) || !SAFE_PATH.matcher(path).matches()
                || path.contains("..") || path.equals(PublishOperation.MANIFEST)) {
            ApiResponses.error(ctx, 404, "NOT_FOUND", "no such file", Map.of());
            return;
        }
        HttpServerResponse response = ctx.response();
        ObjectStore store = studio.services().store();
        vertx.executeBlocking(() -> {
            Optional<CatalogEntry> e = studio.services().catalog().get(courseId);
            if (e.isEmpty() || !e.get().publicationId().equals(publicationId)) return false;
            Optional<ObjectStore.OpenObject> o = store.open(UploadOperation.publicationPrefix(courseId, publicationId) + path);
            if (o.isEmpty()) return false;
            try (InputStream in = o.get().body()) {
                stream(response, in, o.get().length(), StoreFiles.contentType(path), path);
            }
            return true;
        }, false).onComplete(ar -> {
            if (ar.failed()) {
                LOG.warn("course file {} of {}: {}", path, courseId, ar.cause().toString());
                if (!response.headWritten()) ApiResponses.failure(ctx, ar.cause());
                else response.reset();
            } else if (!ar.result()) {
                ApiResponses.error(ctx, 404, "NOT_FOUND", "no such file", Map.of());
            }
        });
    }

    /** Worker thread: copies the object to the response with back-pressure. */
    private void stream(HttpServerResponse response, InputStream in, long length, String type, String path)
            throws IOException, InterruptedException {
        response.putHeader("Content-Type", type);
        // A publication's files never change (a new publication has a new path); playlists are tiny anyway.
        response.putHeader("Cache-Control", "private, max-age=" + cacheSeconds);
        if (length >= 0) response.putHeader("Content-Length", Long.toString(length));
        else response.setChunked(true);
        byte[] buf = new byte[CHUNK];
        for (int n; (n = in.read(buf)) > 0; ) {
            if (response.closed()) return;
            response.write(Buffer.buffer().appendBytes(buf, 0, n));
            if (response.writeQueueFull()) {
                CountDownLatch drained = new CountDownLatch(1);
                response.drainHandler(v -> drained.countDown());
                if (response.writeQueueFull() && !drained.await(30, TimeUnit.SECONDS)) throw new IOException("client stalled on " + path);
            }
        }
        response.end();
    }
}
