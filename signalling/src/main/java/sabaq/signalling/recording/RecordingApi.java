package sabaq.signalling.recording;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.recording.RecordingService;
import sabaq.common.recording.RecordingStatus;
import sabaq.common.recording.RecordingSummary;
import sabaq.common.recording.StoredFile;
import sabaq.signalling.http.HttpErrors;
import sabaq.signalling.http.JsonResponses;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The recordings of a lesson over HTTP:
 * <ul>
 *   <li>{@code GET /api/lessons/:id/recordings} with {@code Authorization: Bearer <join token>}: the list with status,
 *       progress and, once ready, a playback base URL holding a short-lived {@link PlaybackTokens} capability;</li>
 *   <li>{@code GET /recordings/:capability/:lessonId/:recordingId/<file>}: the stored file, proxied from object
 *       storage (same origin, so the page's Content-Security-Policy stays strict and storage stays private); the
 *       original only with a download capability (teacher).</li>
 * </ul>
 * Storage reads run on worker threads.
 */
public final class RecordingApi {
    private static final Logger log = LoggerFactory.getLogger(RecordingApi.class);
    static final long PLAYBACK_TTL_SECONDS = 6 * 3600;
    private static final int CHUNK = 256 * 1024;

    private final Vertx vertx;
    private final RecordingService service;
    private final RecordingAccess access;
    private final PlaybackTokens playback;

    public RecordingApi(Vertx vertx, RecordingService service, RecordingAccess access, PlaybackTokens playback) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.service = Objects.requireNonNull(service, "service");
        this.access = Objects.requireNonNull(access, "access");
        this.playback = Objects.requireNonNull(playback, "playback");
    }

    public void list(RoutingContext ctx) {
        String lessonId = ctx.pathParam("id");
        access.viewer(ctx, lessonId).onSuccess(viewer -> {
            if (viewer.isEmpty()) {
                HttpErrors.send(ctx, 403, "FORBIDDEN", "a valid link of this lesson, or signing in as one of its group, is needed to watch its recordings");
            } else {
                respondList(ctx, lessonId, viewer.get());
            }
        }).onFailure(ctx::fail);
    }

    private void respondList(RoutingContext ctx, String lessonId, RecordingAccess.Viewer viewer) {
        JsonArray list = new JsonArray();
        for (RecordingSummary s : service.recordings(lessonId)) {
            JsonObject o = new JsonObject()
                    .put("recordingId", s.recordingId())
                    .put("status", s.status().wireName())
                    .put("progress", s.progressPercent())
                    .put("title", s.title())
                    .put("teacherName", s.teacherName())
                    .put("startedAt", s.startedAtMillis())
                    .put("endedAt", s.endedAtMillis())
                    .put("durationSeconds", s.durationSeconds())
                    .put("renditions", new JsonArray(s.renditions()));
            if (s.error() != null) o.put("error", s.error());
            if (s.status() == RecordingStatus.READY) {
                boolean download = viewer.mayDownloadOriginal();
                String cap = playback.issue(lessonId, s.recordingId(), download, PLAYBACK_TTL_SECONDS);
                o.put("playbackBase", "/recordings/" + cap + "/" + lessonId + "/" + s.recordingId() + "/");
                o.put("canDownload", download);
            }
            list.add(o);
        }
        JsonResponses.respond(ctx, 200, new JsonObject().put("recordings", list));
    }

    public void file(RoutingContext ctx) {
        String cap = ctx.pathParam("cap");
        String lessonId = ctx.pathParam("lessonId");
        String recordingId = ctx.pathParam("recordingId");
        String prefix = "/recordings/" + cap + "/" + lessonId + "/" + recordingId + "/";
        String path = ctx.normalizedPath().startsWith(prefix) ? ctx.normalizedPath().substring(prefix.length()) : "";
        String mode = playback.verify(cap, lessonId, recordingId);
        if (mode == null) {
            HttpErrors.send(ctx, 403, "FORBIDDEN", "the playback link has expired or is not valid");
            return;
        }
        if (path.equals("original.mkv") && !mode.equals("d")) {
            HttpErrors.send(ctx, 403, "FORBIDDEN", "only the teacher may download the original");
            return;
        }
        HttpServerResponse response = ctx.response();
        vertx.executeBlocking(() -> {
            Optional<StoredFile> f = service.openObject(lessonId, recordingId, path);
            if (f.isEmpty()) return false;
            try (StoredFile file = f.get()) {
                stream(response, file, path);
            }
            return true;
        }, false).onComplete(ar -> {
            if (ar.failed()) {
                log.warn("recording file {} of {}: {}", path, recordingId, ar.cause().toString());
                if (!response.headWritten()) HttpErrors.send(ctx, 502, "STORAGE", "recording storage is not reachable");
                else response.reset();
            } else if (!ar.result()) {
                HttpErrors.send(ctx, 404, "NOT_FOUND", "no such recording file");
            }
        });
    }

    /** Worker thread: copies the object to the response with back-pressure. */
    private static void stream(HttpServerResponse response, StoredFile file, String path) throws IOException, InterruptedException {
        response.putHeader("Content-Type", file.contentType());
        response.putHeader("Cache-Control", path.endsWith(".m3u8") ? "no-cache" : "private, max-age=3600");
        if (path.equals("original.mkv")) response.putHeader("Content-Disposition", "attachment; filename=\"lesson-original.mkv\"");
        if (file.length() >= 0) {
            response.putHeader("Content-Length", Long.toString(file.length()));
        } else {
            response.setChunked(true);
        }
        InputStream in = file.body();
        byte[] buf = new byte[CHUNK];
        for (int n; (n = in.read(buf)) > 0; ) {
            if (response.closed()) return;
            response.write(Buffer.buffer().appendBytes(buf, 0, n));
            if (response.writeQueueFull()) {
                CountDownLatch drained = new CountDownLatch(1);
                response.drainHandler(v -> drained.countDown());
                if (response.writeQueueFull() && !drained.await(30, TimeUnit.SECONDS)) throw new IOException("client stalled");
            }
        }
        response.end();
    }
}
