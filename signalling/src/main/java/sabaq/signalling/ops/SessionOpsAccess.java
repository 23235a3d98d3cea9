package sabaq.signalling.ops;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import sabaq.signalling.auth.AccessPolicy;
import sabaq.signalling.auth.Action;
import sabaq.signalling.http.AccessGuard;

import java.util.Objects;

/**
 * Who may see the operations page and its API once accounts exist: a signed-in person is allowed when one of their
 * roles allows {@link Action#OPS_READ} (administrator, monitor: the action × role table of docs/security.md) and
 * refused (403) otherwise, whatever network they come from. A request without a session is allowed when
 * {@code withoutSession} allows it — the network check of {@code sabaq.signalling.ops.allowed-networks} in the
 * embedded default (loopback), so the console of the machine running Sabaq keeps its view; an empty list there means
 * everyone signs in — and otherwise answered 401 (sign in first).
 */
public final class SessionOpsAccess implements OpsAccess {
    private final AccessGuard guard;
    private final OpsAccess withoutSession;

    public SessionOpsAccess(AccessGuard guard, OpsAccess withoutSession) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.withoutSession = Objects.requireNonNull(withoutSession, "withoutSession");
    }

    @Override
    public Future<Decision> check(RoutingContext ctx) {
        return guard.load(ctx).compose(p -> {
            // Without a session the only refusal is "sign in first": signing in may allow it.
            if (p == null) return withoutSession.check(ctx).map(d -> d == Decision.ALLOW ? d : Decision.UNAUTHENTICATED);
            return Future.succeededFuture(AccessPolicy.decideAnywhere(p, Action.OPS_READ).allowed()
                    ? Decision.ALLOW : Decision.FORBIDDEN);
        });
    }
}
