package sabaq.signalling.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import sabaq.signalling.SignallingConfig;
import sabaq.signalling.auth.oidc.OidcLogin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Single sign-on routes: {@code GET /api/auth/oidc/:provider/start?return=<page>} sends the browser to the identity
 * provider; {@code GET /api/auth/oidc/:provider/callback} is where the provider sends it back. Success sets the
 * session cookies and redirects to the page; failure redirects to {@code /signin.html#error=<CODE>}.
 */
public final class OidcRoutes {
    private static final Pattern RETURN = Pattern.compile("/[A-Za-z0-9._~/-]{0,150}");

    private final OidcLogin oidc;
    private final AuthRoutes auth;
    private final SessionCookies cookies;
    private final SignallingConfig config;

    public OidcRoutes(OidcLogin oidc, AuthRoutes auth, SessionCookies cookies, SignallingConfig config) {
        this.oidc = Objects.requireNonNull(oidc, "oidc");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.cookies = Objects.requireNonNull(cookies, "cookies");
        this.config = Objects.requireNonNull(config, "config");
    }

    public void mount(Router router) {
        router.get("/api/auth/oidc/:provider/start").handler(this::start);
        router.get("/api/auth/oidc/:provider/callback").handler(this::callback);
    }

    /** Only same-site absolute paths: never another site (open redirect). */
    static String safeReturn(String r) {
        return r != null && RETURN.matcher(r).matches() && !r.startsWith("//") ? r : "/my-lessons.html";
    }

    private void start(RoutingContext ctx) {
        String provider = ctx.pathParam("provider");
        String binding = oidc.newBinding();
        oidc.start(provider, LessonApi.baseUrl(ctx, config), safeReturn(ctx.queryParams().get("return")), binding)
                .onSuccess(url -> {
                    cookies.setOidcBinding(ctx, binding, OidcLogin.PENDING_TTL);
                    redirect(ctx, url);
                })
                .onFailure(err -> redirect(ctx, "/signin.html#error=" + code(err, "OIDC_UNAVAILABLE")));
    }

    private void callback(RoutingContext ctx) {
        String provider = ctx.pathParam("provider");
        String binding = SessionCookies.value(ctx, SessionCookies.OIDC);
        cookies.clearOidcBinding(ctx);
        if (ctx.queryParams().get("error") != null) {
            redirect(ctx, "/signin.html#error=OIDC_CANCELLED");
            return;
        }
        oidc.callback(provider, LessonApi.baseUrl(ctx, config), ctx.queryParams().get("code"), ctx.queryParams().get("state"),
                        binding, Requests.origin(ctx))
                .compose(s -> auth.startSession(ctx, s.account().id(), "oidc:" + provider).map(s.returnTo()))
                .onSuccess(page -> redirect(ctx, page))
                .onFailure(err -> redirect(ctx, "/signin.html#error=" + code(err, "OIDC_FAILED")));
    }

    private static String code(Throwable err, String fallback) {
        String c = err instanceof ApiException ? ((ApiException) err).code() : fallback;
        return URLEncoder.encode(c, StandardCharsets.UTF_8);
    }

    private static void redirect(RoutingContext ctx, String location) {
        ctx.response().setStatusCode(302).putHeader("Location", location).putHeader("Cache-Control", "no-store").end();
    }
}
