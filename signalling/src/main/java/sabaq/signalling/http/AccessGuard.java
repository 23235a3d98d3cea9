package sabaq.signalling.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import sabaq.signalling.audit.Actor;
import sabaq.signalling.audit.Auditor;
import sabaq.signalling.audit.FailedAccessKind;
import sabaq.signalling.auth.AccessPolicy;
import sabaq.signalling.auth.Action;
import sabaq.signalling.auth.Principal;
import sabaq.signalling.auth.SessionService;

import java.util.Objects;
import java.util.UUID;

/**
 * Authorisation of HTTP routes (docs/security.md). Put {@link #requireRole} in front of a route's handler:
 * <pre>{@code router.get("/metrics").handler(guard.requireRole(Action.OPS_READ)).handler(metrics::scrape);}</pre>
 * It answers 401 {@code UNAUTHENTICATED} (or {@code SESSION_EXPIRED}) without a valid session and 403
 * {@code FORBIDDEN} when none of the person's roles allows the action anywhere (logged as failed access); otherwise
 * the request continues with the {@link Principal} available through {@link #principal(RoutingContext)}. Handlers whose
 * target lies in an organisation or group then call {@link #allow}, which checks the scope of the action there.
 */
public final class AccessGuard {
    private static final String PRINCIPAL = "sabaq.principal";
    private static final String EXPIRED = "sabaq.sessionExpired";

    private final SessionService sessions;
    private final Auditor auditor;

    public AccessGuard(SessionService sessions, Auditor auditor) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
    }

    /** Reads the session of the request once (cached in the context); null when not signed in. */
    public Future<Principal> load(RoutingContext ctx) {
        if (ctx.data().containsKey(PRINCIPAL)) return Future.succeededFuture((Principal) ctx.get(PRINCIPAL));
        return sessions.principal(SessionCookies.value(ctx, SessionCookies.ACCESS), Requests.origin(ctx)).map(lookup -> {
            ctx.put(PRINCIPAL, lookup.principal());
            if (lookup.expired()) ctx.put(EXPIRED, Boolean.TRUE);
            return lookup.principal();
        });
    }

    /** The signed-in person; only after {@link #signedIn} or {@link #requireRole} let the request through. */
    public static Principal principal(RoutingContext ctx) {
        Principal p = ctx.get(PRINCIPAL);
        if (p == null) throw ApiException.unauthenticated();
        return p;
    }

    /** Lets signed-in requests through; 401 otherwise. */
    public Handler<RoutingContext> signedIn() {
        return ctx -> load(ctx).onSuccess(p -> {
            if (p == null) {
                ctx.fail(notSignedIn(ctx));
            } else {
                ctx.next();
            }
        }).onFailure(ctx::fail);
    }

    /** Lets a request through when one of the person's roles allows {@code action} somewhere; 401/403 otherwise. */
    public Handler<RoutingContext> requireRole(Action action) {
        return ctx -> load(ctx).onSuccess(p -> {
            if (p == null) {
                ctx.fail(notSignedIn(ctx));
                return;
            }
            if (AccessPolicy.decideAnywhere(p, action).allowed()) {
                ctx.next();
            } else {
                refuse(ctx, p, action, p.account().orgId()).onComplete(v -> ctx.fail(ApiException.forbidden()));
            }
        }).onFailure(ctx::fail);
    }

    /**
     * Checks the action on a target in {@code orgId} (and {@code groupId}, may be null); fails with 403 (logged as
     * failed access) when the person's roles there do not allow it. Yields the actor for the audit log.
     */
    public Future<Actor> allow(RoutingContext ctx, Action action, UUID orgId, UUID groupId) {
        Principal p = principal(ctx);
        AccessPolicy.Decision d = AccessPolicy.decide(p, action, orgId, groupId);
        if (d.allowed()) return Future.succeededFuture(Requests.origin(ctx).as(p.userId(), d.role()));
        return refuse(ctx, p, action, orgId).compose(v -> Future.failedFuture(ApiException.forbidden()));
    }

    /** The actor of a signed-in request acting on its own account. */
    public static Actor self(RoutingContext ctx) {
        return Requests.origin(ctx).as(principal(ctx).userId(), "self");
    }

    private Future<Void> refuse(RoutingContext ctx, Principal p, Action action, UUID orgId) {
        return auditor.failed(orgId, FailedAccessKind.FORBIDDEN, p.account().login(), p.userId(), Requests.origin(ctx),
                action.wireName() + " " + ctx.request().method() + " " + ctx.request().path());
    }

    private static ApiException notSignedIn(RoutingContext ctx) {
        return Boolean.TRUE.equals(ctx.get(EXPIRED))
                ? new ApiException(401, "SESSION_EXPIRED", "the session needs a refresh")
                : ApiException.unauthenticated();
    }
}
