package sabaq.signalling.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import sabaq.signalling.account.Organisation;
import sabaq.signalling.audit.Auditor;
import sabaq.signalling.audit.FailedAccessKind;

/**
 * Cross-site request forgery protection for the API, on top of SameSite=Strict cookies: a state-changing request
 * (anything but GET, HEAD, OPTIONS) must carry the header {@value #HEADER}{@code : 1}, which another site cannot add
 * without a CORS preflight this server never grants, and, when the browser sends {@code Origin}, come from this
 * server's own origin. Exempt: a guest lesson creation without any session cookie (no ambient authority to abuse).
 */
public final class CsrfGuard {
    public static final String HEADER = "X-Sabaq-Request";

    private final Auditor auditor;
    private final String publicBaseUrl;

    public CsrfGuard(Auditor auditor, String publicBaseUrl) {
        this.auditor = auditor;
        this.publicBaseUrl = publicBaseUrl;
    }

    public void handle(RoutingContext ctx) {
        HttpMethod m = ctx.request().method();
        if (m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS) {
            ctx.next();
            return;
        }
        boolean guestLesson = m == HttpMethod.POST && "/api/lessons".equals(ctx.request().path()) && !SessionCookies.hasAny(ctx);
        String reason = guestLesson ? null : problem(ctx);
        if (reason == null) {
            ctx.next();
            return;
        }
        auditor.failed(Organisation.PLATFORM, FailedAccessKind.CSRF, null, null, Requests.origin(ctx),
                reason + ": " + m + " " + ctx.request().path())
                .onComplete(v -> ctx.fail(new ApiException(403, "CSRF", "cross-site request refused")));
    }

    private String problem(RoutingContext ctx) {
        if (!"1".equals(ctx.request().getHeader(HEADER))) return "no " + HEADER + " header";
        String origin = ctx.request().getHeader("Origin");
        if (origin == null || origin.equals(ownOrigin(ctx)) || (!publicBaseUrl.isEmpty() && publicBaseUrl.startsWith(origin)
                && (publicBaseUrl.length() == origin.length() || publicBaseUrl.charAt(origin.length()) == '/'))) {
            return null;
        }
        return "origin " + origin;
    }

    private static String ownOrigin(RoutingContext ctx) {
        HostAndPort a = ctx.request().authority();
        if (a == null) return "";
        String scheme = ctx.request().isSSL() ? "https" : "http";
        boolean defaultPort = a.port() < 0 || (a.port() == 80 && "http".equals(scheme)) || (a.port() == 443 && "https".equals(scheme));
        return scheme + "://" + a.host() + (defaultPort ? "" : ":" + a.port());
    }
}
