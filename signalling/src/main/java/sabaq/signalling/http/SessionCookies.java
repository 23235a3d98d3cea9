package sabaq.signalling.http;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import sabaq.signalling.auth.AuthConfig;
import sabaq.signalling.auth.SessionService;

import java.time.Duration;

/**
 * The session cookies, all HttpOnly (scripts never see them) and SameSite=Strict (never sent with requests from other
 * sites): the access token ({@value #ACCESS}, every path), the refresh token ({@value #REFRESH}) and the sign-in
 * ticket ({@value #SIGN_IN}), both only for {@code /api/auth}. The OpenID Connect binding cookie ({@value #OIDC}) is
 * SameSite=Lax because the provider's answer arrives as a cross-site navigation. {@code Secure} follows
 * {@code sabaq.signalling.auth.secure-cookies}.
 */
public final class SessionCookies {
    public static final String ACCESS = "sabaq_access";
    public static final String REFRESH = "sabaq_refresh";
    public static final String SIGN_IN = "sabaq_signin";
    public static final String OIDC = "sabaq_oidc";
    static final String AUTH_PATH = "/api/auth";
    static final String OIDC_PATH = "/api/auth/oidc";

    private final AuthConfig config;

    public SessionCookies(AuthConfig config) {
        this.config = config;
    }

    public void setSession(RoutingContext ctx, SessionService.Issued issued, Duration accessTtl, Duration refreshTtl) {
        add(ctx, ACCESS, issued.accessToken(), "/", accessTtl, CookieSameSite.STRICT);
        add(ctx, REFRESH, issued.refreshToken(), AUTH_PATH, refreshTtl, CookieSameSite.STRICT);
        clear(ctx, SIGN_IN, AUTH_PATH);
    }

    public void clearSession(RoutingContext ctx) {
        clear(ctx, ACCESS, "/");
        clear(ctx, REFRESH, AUTH_PATH);
        clear(ctx, SIGN_IN, AUTH_PATH);
    }

    public void setSignIn(RoutingContext ctx, String ticket, Duration ttl) {
        add(ctx, SIGN_IN, ticket, AUTH_PATH, ttl, CookieSameSite.STRICT);
    }

    public void setOidcBinding(RoutingContext ctx, String value, Duration ttl) {
        add(ctx, OIDC, value, OIDC_PATH, ttl, CookieSameSite.LAX);
    }

    public void clearOidcBinding(RoutingContext ctx) {
        clear(ctx, OIDC, OIDC_PATH);
    }

    /** A cookie's value, or null. */
    public static String value(RoutingContext ctx, String name) {
        Cookie c = ctx.request().getCookie(name);
        return c == null ? null : c.getValue();
    }

    /** True when the request carries any of our session cookies (its state changes then need the CSRF proof). */
    public static boolean hasAny(RoutingContext ctx) {
        return ctx.request().getCookie(ACCESS) != null || ctx.request().getCookie(REFRESH) != null
                || ctx.request().getCookie(SIGN_IN) != null;
    }

    private void add(RoutingContext ctx, String name, String value, String path, Duration maxAge, CookieSameSite sameSite) {
        ctx.response().addCookie(Cookie.cookie(name, value).setPath(path).setHttpOnly(true).setSameSite(sameSite)
                .setSecure(secure(ctx)).setMaxAge(maxAge.getSeconds()));
    }

    private void clear(RoutingContext ctx, String name, String path) {
        ctx.response().addCookie(Cookie.cookie(name, "").setPath(path).setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(secure(ctx)).setMaxAge(0));
    }

    private boolean secure(RoutingContext ctx) {
        switch (config.secureCookies()) {
            case ALWAYS:
                return true;
            case NEVER:
                return false;
            default:
                return ctx.request().isSSL();
        }
    }
}
