package sabaq.signalling.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import sabaq.signalling.account.Account;
import sabaq.signalling.account.AccountFields;
import sabaq.signalling.account.AccountRole;
import sabaq.signalling.account.AccountService;
import sabaq.signalling.account.AccountStatus;
import sabaq.signalling.account.DirectoryService;
import sabaq.signalling.account.NewAccount;
import sabaq.signalling.account.RoleAssignment;
import sabaq.signalling.account.RoleService;
import sabaq.signalling.account.RoleSpec;
import sabaq.signalling.audit.Actor;
import sabaq.signalling.auth.Action;
import sabaq.signalling.auth.Ages;
import sabaq.signalling.store.Repositories;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Accounts and their roles: {@code /api/orgs/:org/users} and {@code /api/users/:id/...} (docs/security.md). */
public final class UserRoutes {
    private final AccountService accounts;
    private final RoleService roles;
    private final DirectoryService directory;
    private final Repositories repos;
    private final AccessGuard guard;
    private final sabaq.common.time.TimeSource time;

    public UserRoutes(AccountService accounts, RoleService roles, DirectoryService directory, Repositories repos,
                      AccessGuard guard, sabaq.common.time.TimeSource time) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.roles = Objects.requireNonNull(roles, "roles");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.repos = Objects.requireNonNull(repos, "repos");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.time = Objects.requireNonNull(time, "time");
    }

    public void mount(Router router, Handler<RoutingContext> body) {
        router.get("/api/orgs/:org/users").handler(guard.requireRole(Action.USER_READ)).handler(this::list);
        router.post("/api/orgs/:org/users").handler(body).handler(guard.requireRole(Action.USER_CREATE)).handler(this::create);
        router.get("/api/users/:id").handler(guard.requireRole(Action.USER_READ)).handler(this::read);
        router.patch("/api/users/:id").handler(body).handler(guard.requireRole(Action.USER_UPDATE)).handler(this::update);
        router.delete("/api/users/:id").handler(guard.requireRole(Action.USER_DELETE)).handler(this::delete);
        router.post("/api/users/:id/reset-credentials").handler(body).handler(guard.requireRole(Action.CREDENTIALS_RESET))
                .handler(this::reset);
        router.post("/api/users/:id/roles").handler(body).handler(guard.requireRole(Action.ROLE_GRANT)).handler(this::grant);
        router.post("/api/users/:id/roles/revoke").handler(body).handler(guard.requireRole(Action.ROLE_REVOKE)).handler(this::revoke);
        router.get("/api/users/:id/roles/history").handler(guard.requireRole(Action.ROLE_HISTORY_READ)).handler(this::history);
        router.post("/api/users/:id/children").handler(body).handler(guard.requireRole(Action.PARENT_LINK)).handler(this::link);
    }

    private void list(RoutingContext ctx) {
        UUID org = Requests.pathId(ctx, "org");
        guard.allow(ctx, Action.USER_READ, org, null)
                .compose(actor -> directory.require(org))
                .compose(o -> repos.accounts().inOrg(org))
                .map(list -> list.stream().sorted(java.util.Comparator.comparing(Account::login)).toList())
                .compose(this::withRoles)
                .onSuccess(users -> JsonResponses.respond(ctx, 200, new JsonObject().put("users", users)))
                .onFailure(ctx::fail);
    }

    private Future<JsonArray> withRoles(List<Account> list) {
        List<Future<List<RoleAssignment>>> loads = new ArrayList<>();
        for (Account a : list) loads.add(repos.roles().assignments(a.id()));
        return Future.all(loads).map(cf -> {
            JsonArray out = new JsonArray();
            for (int i = 0; i < list.size(); i++) out.add(AccountJson.account(list.get(i), cf.resultAt(i)));
            return out;
        });
    }

    private void create(RoutingContext ctx) {
        UUID org = Requests.pathId(ctx, "org");
        JsonObject b = Requests.body(ctx);
        NewAccount n = field(() -> new NewAccount(AccountFields.login(Requests.string(b, "login")),
                AccountFields.displayName(Requests.string(b, "displayName")),
                AccountFields.email(Requests.optionalString(b, "email")),
                AccountFields.birthDate(Requests.optionalString(b, "birthDate"), Ages.today(time.epochMillis())),
                Requests.optionalString(b, "password"), roleSpecs(b.getValue("roles"))));
        guard.allow(ctx, Action.USER_CREATE, org, null)
                .compose(actor -> directory.require(org).compose(o -> accounts.create(actor, org, n)))
                .compose(c -> repos.roles().assignments(c.account().id()).map(r -> AccountJson.account(c.account(), r)
                        .put("initialPassword", c.generatedPassword())))
                .onSuccess(json -> JsonResponses.respond(ctx, 201, json))
                .onFailure(ctx::fail);
    }

    private void read(RoutingContext ctx) {
        onTarget(ctx, Action.USER_READ, (actor, a) -> Future.all(repos.roles().assignments(a.id()),
                repos.roles().parents(a.id()), repos.roles().children(a.id())).map(cf -> AccountJson.account(a, cf.resultAt(0))
                .put("parents", ids(cf.resultAt(1))).put("children", ids(cf.resultAt(2)))));
    }

    private void update(RoutingContext ctx) {
        JsonObject b = Requests.body(ctx);
        AccountService.Patch patch = patch(b, time.epochMillis());
        onTarget(ctx, Action.USER_UPDATE, (actor, a) -> {
            if (patch.status() == AccountStatus.DISABLED && a.id().equals(actor.userId())) {
                return Future.failedFuture(new ApiException(409, "SELF_LOCKOUT", "you cannot disable your own account"));
            }
            return accounts.update(actor, a, patch, "user.update").compose(after -> repos.roles().assignments(after.id())
                    .map(r -> AccountJson.account(after, r)));
        });
    }

    /** The profile fields of a PATCH body (also used by /api/me). */
    static AccountService.Patch patch(JsonObject b, long now) {
        return field(() -> {
            String login = Requests.optionalString(b, "login");
            String name = Requests.optionalString(b, "displayName");
            String status = Requests.optionalString(b, "status");
            AccountStatus st = status == null ? null : AccountStatus.fromWire(status)
                    .orElseThrow(() -> new IllegalArgumentException("status must be active or disabled"));
            return new AccountService.Patch(login == null ? null : AccountFields.login(login),
                    name == null ? null : AccountFields.displayName(name),
                    AccountFields.email(Requests.optionalString(b, "email")), b.containsKey("email"),
                    AccountFields.birthDate(Requests.optionalString(b, "birthDate"), Ages.today(now)), b.containsKey("birthDate"), st);
        });
    }

    private void delete(RoutingContext ctx) {
        onTarget(ctx, Action.USER_DELETE, (actor, a) -> a.id().equals(actor.userId())
                ? Future.failedFuture(new ApiException(409, "SELF_LOCKOUT", "you cannot delete your own account"))
                : accounts.delete(actor, a).map(v -> (JsonObject) null));
    }

    private void reset(RoutingContext ctx) {
        JsonObject b = Requests.body(ctx);
        boolean newPassword = Boolean.TRUE.equals(Requests.optionalBoolean(b, "newPassword"));
        String given = Requests.optionalString(b, "password");
        boolean totp = Boolean.TRUE.equals(Requests.optionalBoolean(b, "totp"));
        if (!newPassword && given == null && !totp) throw ApiException.badRequest("ask for a new password, a TOTP reset or both");
        onTarget(ctx, Action.CREDENTIALS_RESET, (actor, a) -> accounts.resetCredentials(actor, a, newPassword || given != null,
                given, totp).map(generated -> new JsonObject().put("initialPassword", generated)));
    }

    private void grant(RoutingContext ctx) {
        RoleSpec spec = roleSpec(Requests.body(ctx));
        onTarget(ctx, Action.ROLE_GRANT, (actor, a) -> roles.grant(actor, a, spec).compose(v -> rolesOf(a)));
    }

    private void revoke(RoutingContext ctx) {
        RoleSpec spec = roleSpec(Requests.body(ctx));
        onTarget(ctx, Action.ROLE_REVOKE, (actor, a) -> roles.revoke(actor, a, spec).compose(v -> rolesOf(a)));
    }

    private Future<JsonObject> rolesOf(Account a) {
        return repos.roles().assignments(a.id()).map(r -> new JsonObject().put("roles", AccountJson.roles(r)));
    }

    private void history(RoutingContext ctx) {
        onTarget(ctx, Action.ROLE_HISTORY_READ, (actor, a) -> repos.roles().history(a.id()).map(changes -> {
            JsonArray out = new JsonArray();
            changes.forEach(c -> out.add(AccountJson.change(c)));
            return new JsonObject().put("history", out);
        }));
    }

    private void link(RoutingContext ctx) {
        JsonObject b = Requests.body(ctx);
        UUID childId = Requests.optionalUuid(b, "childId");
        if (childId == null) throw ApiException.badRequest("childId is required");
        boolean linked = !Boolean.FALSE.equals(Requests.optionalBoolean(b, "linked"));
        onTarget(ctx, Action.PARENT_LINK, (actor, parent) -> accounts.require(childId)
                .compose(child -> roles.link(actor, parent, child, linked))
                .compose(v -> repos.roles().children(parent.id()))
                .map(children -> new JsonObject().put("children", ids(children))));
    }

    /** Loads the account of {@code :id}, checks the action in its organisation, runs {@code work}. */
    private void onTarget(RoutingContext ctx, Action action, java.util.function.BiFunction<Actor, Account, Future<JsonObject>> work) {
        UUID id = Requests.pathId(ctx, "id");
        accounts.require(id).compose(a -> guard.allow(ctx, action, a.orgId(), null).compose(actor -> work.apply(actor, a)))
                .onSuccess(json -> {
                    if (json == null) {
                        ctx.response().setStatusCode(204).end();
                    } else {
                        JsonResponses.respond(ctx, 200, json);
                    }
                }).onFailure(ctx::fail);
    }

    static List<RoleSpec> roleSpecs(Object raw) {
        List<RoleSpec> out = new ArrayList<>();
        if (raw == null) return out;
        if (!(raw instanceof JsonArray)) throw new IllegalArgumentException("roles must be a list");
        for (Object o : (JsonArray) raw) {
            if (!(o instanceof JsonObject)) throw new IllegalArgumentException("each role is {role, groupId}");
            out.add(roleSpec((JsonObject) o));
        }
        return out;
    }

    static RoleSpec roleSpec(JsonObject o) {
        String role = Requests.string(o, "role");
        AccountRole r = AccountRole.fromWire(role).orElseThrow(() -> ApiException.badRequest("unknown role: " + role));
        return new RoleSpec(r, Requests.optionalUuid(o, "groupId"));
    }

    private static JsonArray ids(List<UUID> ids) {
        JsonArray a = new JsonArray();
        ids.forEach(i -> a.add(i.toString()));
        return a;
    }

    /** Runs a field parser; its IllegalArgumentException becomes 400. */
    static <T> T field(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
