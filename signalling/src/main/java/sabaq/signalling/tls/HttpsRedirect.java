package sabaq.signalling.tls;

import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;

/**
 * The plain HTTP port in {@code plain-http = redirect} mode: answers every request with 308 Permanent Redirect
 * (RFC 9110 section 15.4.9, which keeps the method and body) to the same path and query on the HTTPS port of the
 * host the client asked for.
 */
public final class HttpsRedirect {
    private final String fallbackHost;
    private final int httpsPort;

    /**
     * @param fallbackHost host to redirect to when the request has no Host header
     * @param httpsPort the actual HTTPS port
     */
    public HttpsRedirect(String fallbackHost, int httpsPort) {
        this.fallbackHost = fallbackHost;
        this.httpsPort = httpsPort;
    }

    public void handle(RoutingContext ctx) {
        ctx.response().setStatusCode(308).putHeader("Location", location(ctx.request().authority(), ctx.request().uri()))
                .putHeader("Cache-Control", "no-store").end();
    }

    String location(HostAndPort authority, String uri) {
        String host = authority == null || authority.host() == null || authority.host().isEmpty() ? fallbackHost : authority.host();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) host = "[" + host + "]";
        String path = uri == null || !uri.startsWith("/") ? "/" : uri;
        return "https://" + host + (httpsPort == 443 ? "" : ":" + httpsPort) + path;
    }
}
