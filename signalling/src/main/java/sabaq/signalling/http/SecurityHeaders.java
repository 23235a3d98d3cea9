package sabaq.signalling.http;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers on every HTTP answer. The Content-Security-Policy allows only same-origin scripts, styles, media and
 * connections (plus {@code blob:} for local previews and {@code data:} images); {@code Referrer-Policy: no-referrer}
 * because lesson pages carry join tokens in the URL fragment and must not leak the URL to other sites.
 */
public final class SecurityHeaders {
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    public static void handle(RoutingContext ctx) {
        MultiMap h = ctx.response().headers();
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Frame-Options", "DENY");
        h.set("Permissions-Policy", "camera=(self), microphone=(self), display-capture=(self)");
        ctx.next();
    }
}
