package sabaq.studio.web;

import io.vertx.core.Vertx;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import sabaq.studio.Json;
import sabaq.studio.Studio;
import sabaq.studio.UploadService;
import sabaq.studio.course.Course;
import sabaq.studio.course.CourseValidator;
import sabaq.studio.error.StudioError;
import sabaq.studio.job.JobJournal;
import sabaq.studio.job.JobRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The studio's editing API (studio staff and methodists only; the guard in front of it is the caller's): courses
 * (drafts), checked uploads, publishing and the job queue. Storage and FFmpeg work runs on worker threads, never on
 * the event loop. Routes are listed in docs/studio.md, "HTTP API".
 */
final class StudioApi {
    private final Vertx vertx;
    private final Studio studio;

    StudioApi(Vertx vertx, Studio studio) {
        this.vertx = vertx;
        this.studio = studio;
    }

    void listCourses(RoutingContext ctx) {
        blocking(ctx, () -> Map.of("courses", studio.services().courses().list()));
    }

    void getCourse(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        blocking(ctx, () -> studio.services().courses().get(id).orElseThrow(() -> notFound("course", id)));
    }

    /** Creates or replaces a course (the whole document); creation time is kept, the update time set here. */
    void saveCourse(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Course sent;
        try {
            sent = Json.MAPPER.readValue(ctx.body().buffer().getBytes(), Course.class);
        } catch (IOException | RuntimeException e) {
            ApiResponses.error(ctx, 400, StudioError.COURSE_INVALID.name(), "not a course document: " + e.getMessage(),
                    Map.of("field", "body", "reason", "not a course document"));
            return;
        }
        if (!id.equals(sent.id())) {
            ApiResponses.error(ctx, 400, StudioError.COURSE_INVALID.name(), "the id in the path and the body differ",
                    Map.of("field", "id", "reason", "differs from the address"));
            return;
        }
        blocking(ctx, () -> {
            CourseValidator.validate(sent);
            long now = studio.services().time().epochMillis();
            long created = studio.services().courses().get(id).map(Course::createdAt).orElse(now);
            Course saved = sent.withTimes(created, now);
            studio.services().courses().save(saved);
            return saved;
        });
    }

    /** A multipart upload of one file (form field "file"); {@code ?kind=video|audio|subtitles}. */
    void upload(RoutingContext ctx) {
        UploadService.Kind kind = UploadService.Kind.parse(ctx.request().getParam("kind"));
        List<FileUpload> files = ctx.fileUploads();
        if (kind == null || files.size() != 1) {
            files.forEach(f -> vertx.fileSystem().delete(f.uploadedFileName()));
            ApiResponses.error(ctx, 400, "BAD_REQUEST", "one file and ?kind=video|audio|subtitles are needed", Map.of());
            return;
        }
        FileUpload f = files.get(0);
        Path received = Path.of(f.uploadedFileName());
        blocking(ctx, () -> {
            try {
                return studio.uploads().store(received, f.fileName(), kind);
            } finally {
                Files.deleteIfExists(received);
            }
        });
    }

    void publish(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        blocking(ctx, () -> studio.publish(id));
    }

    /** Jobs, newest first; {@code ?course=ID} for one course's. */
    void listJobs(RoutingContext ctx) {
        String course = ctx.request().getParam("course");
        blocking(ctx, () -> {
            List<JobRecord> out = new ArrayList<>();
            for (JobRecord j : studio.jobs().list()) if (course == null || course.equals(j.course().id())) out.add(j);
            return Map.of("jobs", out);
        });
    }

    void getJob(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        blocking(ctx, () -> job(id));
    }

    void cancel(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        blocking(ctx, () -> {
            job(id);
            return studio.jobs().cancel(id).orElseThrow(() -> notFound("job", id));
        });
    }

    void retry(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        blocking(ctx, () -> {
            job(id);
            return studio.jobs().retry(id);
        });
    }

    private JobRecord job(String id) throws IOException, NotFound {
        if (!JobJournal.isId(id)) throw notFound("job", id);
        Optional<JobRecord> j = studio.jobs().get(id);
        return j.orElseThrow(() -> notFound("job", id));
    }

    private void blocking(RoutingContext ctx, Callable<Object> work) {
        vertx.executeBlocking(work, false).onComplete(ar -> {
            if (ar.succeeded()) {
                ApiResponses.json(ctx, 200, ar.result());
            } else if (ar.cause() instanceof NotFound) {
                ApiResponses.error(ctx, 404, "NOT_FOUND", ar.cause().getMessage(), Map.of());
            } else {
                ApiResponses.failure(ctx, ar.cause());
            }
        });
    }

    static NotFound notFound(String what, String id) {
        return new NotFound("no " + what + " " + id);
    }

    /** An unknown course, job or file: 404. */
    static final class NotFound extends Exception {
        NotFound(String message) {
            super(message, null, false, false);
        }
    }
}
