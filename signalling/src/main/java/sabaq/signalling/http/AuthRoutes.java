package sabaq.signalling.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import sabaq.signalling.audit.Actor;
import sabaq.signalling.audit.Auditor;
import sabaq.signalling.auth.AuthConfig;
import sabaq.signalling.auth.SessionService;
import sabaq.signalling.auth.SignInService;
import sabaq.signalling.auth.oidc.OidcProviderConfig;
import sabaq.signalling.store.Repositories;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Signing in and out (docs/security.md, "Signing in"): {@code /api/auth/*}. Every answer of a step is
 * {@code {"next": "done" | "change-password" | "totp" | "enrol-totp"}}; "done" comes with the session cookies.
 */
public final class AuthRoutes {
    private final SignInService signIn;
    private final SessionService sessions;
    private final SessionCookies cookies;
    private final Auditor auditor;
    private final Repositories repos;
    private final AuthConfig config;

    public AuthRoutes(SignInService signIn, SessionService sessions, SessionCookies cookies, Auditor auditor,
                      Repositories repos, AuthConfig config) {
        this.signIn = Objects.requireNonNull(signIn, "signIn");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.cookies = Objects.requireNonNull(cookies, "cookies");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.repos = Objects.requireNonNull(repos, "repos");
        this.config = Objects.requireNonNull(config, "config");
    }

    public void mount(Router router, io.vertx.core.Handler<RoutingContext> body) {
        router.get("/api/auth/config").handler(this::config);
        router.post("/api/auth/sign-in").handler(body).handler(this::password);
        router.post("/api/auth/password").handler(body).handler(this::initialPassword);
        router.post("/api/auth/totp").handler(body).handler(this::totp);
        router.post("/api/auth/totp/enrol").handler(this::enrolStart);
        router.post("/api/auth/totp/confirm").handler(body).handler(this::enrolConfirm);
        router.post("/api/auth/refresh").handler(this::refresh);
        router.post("/api/auth/sign-out").handler(this::signOut);
    }

    private void config(RoutingContext ctx) {
        JsonArray providers = new JsonArray();
        for (OidcProviderConfig p : config.oidcProviders()) {
            providers.add(new JsonObject().put("id", p.id()).put("displayName", p.displayName()));
        }
        JsonResponses.respond(ctx, 200, new JsonObject().put("allowGuestJoin", config.allowGuestJoin())
                .put("mfaRequired", config.mfaRequired()).put("providers", providers));
    }

    private void password(RoutingContext ctx) {
        JsonObject b = Requests.body(ctx);
        answer(ctx, signIn.password(Requests.string(b, "login"), Requests.string(b, "password"), Requests.origin(ctx)));
    }

    private void initialPassword(RoutingContext ctx) {
        String password = Requests.string(Requests.body(ctx), "password");
        answer(ctx, signIn.changeInitialPassword(ticket(ctx), password, Requests.origin(ctx)));
    }

    private void totp(RoutingContext ctx) {
        String code = Requests.string(Requests.body(ctx), "code");
        answer(ctx, signIn.totp(ticket(ctx), code, Requests.origin(ctx)));
    }

    private void enrolStart(RoutingContext ctx) {
        signIn.enrolStart(ticket(ctx), Requests.origin(ctx)).onSuccess(e -> JsonResponses.respond(ctx, 200,
                new JsonObject().put("secret", e.secret()).put("uri", e.uri()))).onFailure(ctx::fail);
    }

    private void enrolConfirm(RoutingContext ctx) {
        String code = Requests.string(Requests.body(ctx), "code");
        answer(ctx, signIn.enrolConfirm(ticket(ctx), code, Requests.origin(ctx)));
    }

    private void refresh(RoutingContext ctx) {
        sessions.refresh(SessionCookies.value(ctx, SessionCookies.REFRESH), Requests.origin(ctx)).onSuccess(issued -> {
            cookies.setSession(ctx, issued, sessions.tokens().accessTtl(), sessions.refreshTtl());
            ctx.response().setStatusCode(204).putHeader("Cache-Control", "no-store").end();
        }).onFailure(err -> {
            cookies.clearSession(ctx);
            ctx.fail(err);
        });
    }

    private void signOut(RoutingContext ctx) {
        sessions.endByRefreshToken(SessionCookies.value(ctx, SessionCookies.REFRESH)).onComplete(v -> {
            cookies.clearSession(ctx);
            ctx.response().setStatusCode(204).putHeader("Cache-Control", "no-store").end();
        });
    }

    private void answer(RoutingContext ctx, Future<SignInService.Step> step) {
        step.compose(s -> s.done() ? startSession(ctx, s.userId(), "password").map(s) : Future.succeededFuture(s))
                .onSuccess(s -> {
                    if (!s.done()) cookies.setSignIn(ctx, s.ticket(), sessions.tokens().ticketTtl());
                    JsonResponses.respond(ctx, 200, new JsonObject().put("next", s.done() ? "done" : s.next().wireName()));
                })
                .onFailure(err -> fail(ctx, err));
    }

    /** Creates the session, sets its cookies and records the sign-in in the audit log. */
    Future<Void> startSession(RoutingContext ctx, UUID userId, String method) {
        return sessions.start(userId).compose(issued -> repos.accounts().byId(userId).compose(a -> {
            cookies.setSession(ctx, issued, sessions.tokens().accessTtl(), sessions.refreshTtl());
            Actor self = Requests.origin(ctx).as(userId, "self");
            return auditor.record(self, a.orgId(), "auth.sign-in", "session", issued.sessionId().toString(), userId,
                    List.of(sabaq.signalling.audit.FieldChange.of("method", null, method)));
        }));
    }

    private static void fail(RoutingContext ctx, Throwable err) {
        if (err instanceof ApiException && ((ApiException) err).status() == 429) {
            Object retry = ((ApiException) err).details().getValue("retryAfter");
            ctx.response().putHeader("Retry-After", String.valueOf(retry));
        }
        ctx.fail(err);
    }

    private static String ticket(RoutingContext ctx) {
        return SessionCookies.value(ctx, SessionCookies.SIGN_IN);
    }
}
