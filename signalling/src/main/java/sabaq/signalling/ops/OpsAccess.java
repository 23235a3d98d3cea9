package sabaq.signalling.ops;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * The seam between the operations routes and whoever decides who may use them. Asked once per request to the
 * operations page ({@code /ops.html}), its API ({@code /api/ops/*}) and, through a second instance, the Prometheus
 * endpoint ({@code /metrics}).
 *
 * <p>Until accounts exist the embedded default is {@link NetworkOpsAccess}: clients from configured networks
 * (loopback by default) are allowed. The accounts work replaces it with a role check: a signed-in administrator,
 * director, deputy director or monitor is allowed, anyone else signed in is {@link Decision#FORBIDDEN}, and a
 * request without a valid session is {@link Decision#UNAUTHENTICATED} (docs/operations.md, "Access").
 */
@FunctionalInterface
public interface OpsAccess {

    /** What to do with a request. */
    enum Decision {
        /** Serve it. */
        ALLOW,
        /** 401: the requester has to sign in first. */
        UNAUTHENTICATED,
        /** 403: the requester is known and may not see operations data. */
        FORBIDDEN
    }

    /**
     * Decides on a request; called on the request's event loop, so it must not block (look-ups go through futures).
     * A failed future answers 500 with an incident id.
     */
    Future<Decision> check(RoutingContext ctx);
}
