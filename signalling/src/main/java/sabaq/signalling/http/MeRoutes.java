package sabaq.signalling.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import sabaq.signalling.account.Account;
import sabaq.signalling.account.AccountService;
import sabaq.signalling.account.ConsentService;
import sabaq.signalling.account.Group;
import sabaq.signalling.account.RoleAssignment;
import sabaq.signalling.auth.Action;
import sabaq.signalling.auth.Principal;
import sabaq.signalling.auth.SessionService;
import sabaq.signalling.auth.SignInService;
import sabaq.signalling.store.Repositories;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** One's own account: {@code /api/me}, password, and a parent's children and consent (docs/security.md). */
public final class MeRoutes {
    private final AccountService accounts;
    private final ConsentService consent;
    private final SignInService signIn;
    private final SessionService sessions;
    private final SessionCookies cookies;
    private final Repositories repos;
    private final AccessGuard guard;
    private final sabaq.common.time.TimeSource time;

    public MeRoutes(AccountService accounts, ConsentService consent, SignInService signIn, SessionService sessions,
                    SessionCookies cookies, Repositories repos, AccessGuard guard, sabaq.common.time.TimeSource time) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.consent = Objects.requireNonNull(consent, "consent");
        this.signIn = Objects.requireNonNull(signIn, "signIn");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.cookies = Objects.requireNonNull(cookies, "cookies");
        this.repos = Objects.requireNonNull(repos, "repos");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.time = Objects.requireNonNull(time, "time");
    }

    public void mount(Router router, Handler<RoutingContext> body) {
        router.get("/api/me").handler(guard.requireRole(Action.PROFILE_READ)).handler(this::me);
        router.patch("/api/me").handler(body).handler(guard.requireRole(Action.PROFILE_UPDATE)).handler(this::update);
        router.post("/api/me/password").handler(body).handler(guard.requireRole(Action.PASSWORD_CHANGE)).handler(this::password);
        router.get("/api/me/children").handler(guard.requireRole(Action.CHILDREN_READ)).handler(this::children);
        router.post("/api/me/children/:id/mfa").handler(body).handler(guard.requireRole(Action.CHILD_MFA_CONSENT)).handler(this::mfa);
    }

    private void me(RoutingContext ctx) {
        Principal p = AccessGuard.principal(ctx);
        List<Future<Group>> groups = new ArrayList<>();
        for (RoleAssignment r : p.assignments()) {
            groups.add(r.groupId() == null ? Future.succeededFuture(null) : repos.directory().group(r.orgId(), r.groupId()));
        }
        Future.all(groups).onSuccess(cf -> {
            JsonArray roles = new JsonArray();
            for (int i = 0; i < p.assignments().size(); i++) {
                RoleAssignment r = p.assignments().get(i);
                Group g = cf.resultAt(i);
                roles.add(new JsonObject().put("role", r.role().wireName()).put("orgId", r.orgId().toString())
                        .put("groupId", r.groupId() == null ? null : r.groupId().toString())
                        .put("groupName", g == null ? null : g.name()));
            }
            JsonResponses.respond(ctx, 200, AccountJson.account(p.account(), null).put("roles", roles)
                    .put("platformAdmin", p.isPlatformAdmin()).put("mfaRequired", signIn.mfaNeeded(p.account())));
        }).onFailure(ctx::fail);
    }

    private void update(RoutingContext ctx) {
        JsonObject b = Requests.body(ctx);
        for (String field : b.fieldNames()) {
            if (!field.equals("displayName") && !field.equals("email")) {
                throw ApiException.badRequest("only displayName and email can be changed here");
            }
        }
        AccountService.Patch patch = UserRoutes.patch(b, time.epochMillis());
        Principal p = AccessGuard.principal(ctx);
        accounts.update(AccessGuard.self(ctx), p.account(), patch, "profile.update")
                .onSuccess(a -> JsonResponses.respond(ctx, 200, AccountJson.account(a, p.assignments())))
                .onFailure(ctx::fail);
    }

    /** Changes the password; every session ends and this browser gets a new one. */
    private void password(RoutingContext ctx) {
        JsonObject b = Requests.body(ctx);
        String current = Requests.optionalString(b, "currentPassword");
        String next = Requests.string(b, "newPassword");
        Principal p = AccessGuard.principal(ctx);
        accounts.changeOwnPassword(AccessGuard.self(ctx), p.account(), current, next)
                .compose(a -> sessions.start(a.id()))
                .onSuccess(issued -> {
                    cookies.setSession(ctx, issued, sessions.tokens().accessTtl(), sessions.refreshTtl());
                    ctx.response().setStatusCode(204).putHeader("Cache-Control", "no-store").end();
                }).onFailure(ctx::fail);
    }

    private void children(RoutingContext ctx) {
        Principal p = AccessGuard.principal(ctx);
        consent.children(p.userId()).onSuccess(list -> {
            JsonArray out = new JsonArray();
            for (Account c : list) out.add(child(c));
            JsonResponses.respond(ctx, 200, new JsonObject().put("children", out));
        }).onFailure(ctx::fail);
    }

    private void mfa(RoutingContext ctx) {
        UUID child = Requests.pathId(ctx, "id");
        Boolean required = Requests.optionalBoolean(Requests.body(ctx), "required");
        if (required == null) throw ApiException.badRequest("required (true or false) is missing");
        Principal p = AccessGuard.principal(ctx);
        guard.allow(ctx, Action.CHILD_MFA_CONSENT, p.account().orgId(), null)
                .compose(actor -> consent.setMfa(actor, p.account().orgId(), child, required))
                .onSuccess(c -> JsonResponses.respond(ctx, 200, child(c)))
                .onFailure(ctx::fail);
    }

    private JsonObject child(Account c) {
        return new JsonObject().put("id", c.id().toString()).put("displayName", c.displayName())
                .put("birthDate", c.birthDate() == null ? null : c.birthDate().toString())
                .put("consentPossible", consent.eligible(c))
                .put("mfaWaived", c.mfaWaivedBy() != null)
                .put("mfaRequired", signIn.mfaNeeded(c));
    }
}
