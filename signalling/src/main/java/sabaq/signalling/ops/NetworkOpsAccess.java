package sabaq.signalling.ops;

import io.vertx.core.Future;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * The embedded default {@link OpsAccess}: allows requests whose TCP peer address is inside one of the configured
 * networks ({@code sabaq.signalling.ops.allowed-networks}, loopback by default) and forbids the others. Behind a
 * reverse proxy every request comes from the proxy's address, so either restrict the path at the proxy or replace
 * this with the accounts role check.
 */
public final class NetworkOpsAccess implements OpsAccess {
    private final List<IpNetwork> allowed;

    public NetworkOpsAccess(List<IpNetwork> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    @Override
    public Future<Decision> check(RoutingContext ctx) {
        return Future.succeededFuture(allows(ctx.request().remoteAddress()) ? Decision.ALLOW : Decision.FORBIDDEN);
    }

    /** True when the peer address is inside an allowed network. */
    public boolean allows(SocketAddress peer) {
        if (peer == null || peer.hostAddress() == null) return false;
        for (IpNetwork n : allowed) if (n.contains(peer.hostAddress())) return true;
        return false;
    }
}
