package sabaq.signalling.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * Routes another module adds to every signalling server instance (the studio's, mounted by the launcher), with the
 * accounts' {@link AccessGuard} to put in front of them (docs/security.md). Mounted after the lesson, account and
 * recording routes and before the catch-all {@code /api/*} answer and the static web client, so refusals and
 * body-limit failures get the API's JSON errors.
 */
@FunctionalInterface
public interface ExtraRoutes {
    ExtraRoutes NONE = (vertx, router, guard) -> { };

    void mount(Vertx vertx, Router router, AccessGuard guard);
}
