package sabaq.studio.web;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import sabaq.studio.Studio;

import java.util.Objects;

/**
 * Mounts the studio on a signalling router (the launcher does, on every server instance): the editing API under
 * {@code /api/studio/} behind the {@code editors} guard (studio staff and methodists), the catalog API and the
 * published files behind the {@code viewers} guard (signed-in people), and the studio's pages under
 * {@code /studio/}. The guards come from the accounts' {@code AccessGuard} (docs/security.md); this module does not
 * know about accounts. Refusals and body-limit failures are answered by the router's {@code /api/*} failure handler.
 */
public final class StudioRoutes {
    private final Studio studio;
    private final Handler<RoutingContext> editors;
    private final Handler<RoutingContext> viewers;

    public StudioRoutes(Studio studio, Handler<RoutingContext> editors, Handler<RoutingContext> viewers) {
        this.studio = Objects.requireNonNull(studio, "studio");
        this.editors = Objects.requireNonNull(editors, "editors");
        this.viewers = Objects.requireNonNull(viewers, "viewers");
    }

    /** Adds the routes; call before the catch-all {@code /api/*} and static routes. */
    public void mount(Vertx vertx, Router router) {
        StudioApi api = new StudioApi(vertx, studio);
        CatalogApi catalog = new CatalogApi(vertx, studio);
        long maxCourse = studio.services().config().maxCourseBytes();
        long maxUpload = studio.services().config().maxUploadBytes();
        String incoming = studio.services().config().incomingDir().toString();
        router.get("/api/studio/courses").handler(editors).handler(api::listCourses);
        router.get("/api/studio/courses/:id").handler(editors).handler(api::getCourse);
        // Vert.x runs body handlers before any other (the guard's session lookup included): the limits bound what a
        // refused request can send, and received upload files are deleted when the request ends.
        router.put("/api/studio/courses/:id").handler(BodyHandler.create(false).setBodyLimit(maxCourse))
                .handler(editors).handler(api::saveCourse);
        router.post("/api/studio/courses/:id/publish").handler(editors).handler(api::publish);
        router.post("/api/studio/uploads")
                .handler(BodyHandler.create(incoming).setBodyLimit(maxUpload).setDeleteUploadedFilesOnEnd(true)
                        .setHandleFileUploads(true)).handler(editors).handler(api::upload);
        router.get("/api/studio/jobs").handler(editors).handler(api::listJobs);
        router.get("/api/studio/jobs/:id").handler(editors).handler(api::getJob);
        router.post("/api/studio/jobs/:id/cancel").handler(editors).handler(api::cancel);
        router.post("/api/studio/jobs/:id/retry").handler(editors).handler(api::retry);
        router.get("/api/catalog").handler(viewers).handler(catalog::list);
        router.get("/api/catalog/:courseId").handler(viewers).handler(catalog::course);
        router.get("/media/courses/:courseId/:publicationId/*").handler(viewers).handler(catalog::file);
        router.get("/studio/*").handler(StaticHandler.create("studio-web").setCachingEnabled(true));
    }
}
