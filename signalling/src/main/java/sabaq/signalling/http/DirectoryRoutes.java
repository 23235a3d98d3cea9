package sabaq.signalling.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import sabaq.signalling.account.AccountFields;
import sabaq.signalling.account.DirectoryService;
import sabaq.signalling.account.Organisation;
import sabaq.signalling.auth.AccessPolicy;
import sabaq.signalling.auth.Action;
import sabaq.signalling.auth.Principal;
import sabaq.signalling.store.Repositories;

import java.util.Objects;
import java.util.UUID;

/** Organisations and groups: {@code /api/orgs}, {@code /api/orgs/:org/groups} (docs/security.md). */
public final class DirectoryRoutes {
    private final DirectoryService directory;
    private final Repositories repos;
    private final AccessGuard guard;

    public DirectoryRoutes(DirectoryService directory, Repositories repos, AccessGuard guard) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.repos = Objects.requireNonNull(repos, "repos");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    public void mount(Router router, Handler<RoutingContext> body) {
        router.get("/api/orgs").handler(guard.requireRole(Action.ORG_READ)).handler(this::list);
        router.post("/api/orgs").handler(body).handler(guard.requireRole(Action.ORG_CREATE)).handler(this::create);
        router.get("/api/orgs/:org/groups").handler(guard.requireRole(Action.GROUP_READ)).handler(this::groups);
        router.post("/api/orgs/:org/groups").handler(body).handler(guard.requireRole(Action.GROUP_CREATE)).handler(this::createGroup);
        router.patch("/api/orgs/:org/groups/:group").handler(body).handler(guard.requireRole(Action.GROUP_UPDATE))
                .handler(this::renameGroup);
        router.delete("/api/orgs/:org/groups/:group").handler(guard.requireRole(Action.GROUP_DELETE)).handler(this::deleteGroup);
    }

    /** The organisations the person may read: all for a platform administrator. */
    private void list(RoutingContext ctx) {
        Principal p = AccessGuard.principal(ctx);
        repos.directory().organisations().onSuccess(orgs -> {
            JsonArray out = new JsonArray();
            for (Organisation o : orgs) {
                if (AccessPolicy.decide(p, Action.ORG_READ, o.id(), null).allowed()) out.add(AccountJson.organisation(o));
            }
            JsonResponses.respond(ctx, 200, new JsonObject().put("organisations", out));
        }).onFailure(ctx::fail);
    }

    private void create(RoutingContext ctx) {
        String name = name(Requests.body(ctx));
        guard.allow(ctx, Action.ORG_CREATE, Organisation.PLATFORM, null)
                .compose(actor -> directory.createOrganisation(actor, name))
                .onSuccess(o -> JsonResponses.respond(ctx, 201, AccountJson.organisation(o)))
                .onFailure(ctx::fail);
    }

    private void groups(RoutingContext ctx) {
        UUID org = Requests.pathId(ctx, "org");
        guard.allow(ctx, Action.GROUP_READ, org, null)
                .compose(actor -> directory.require(org))
                .compose(o -> repos.directory().groups(org))
                .onSuccess(groups -> {
                    JsonArray out = new JsonArray();
                    groups.stream().sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).forEach(g -> out.add(AccountJson.group(g)));
                    JsonResponses.respond(ctx, 200, new JsonObject().put("groups", out));
                }).onFailure(ctx::fail);
    }

    private void createGroup(RoutingContext ctx) {
        UUID org = Requests.pathId(ctx, "org");
        String name = name(Requests.body(ctx));
        guard.allow(ctx, Action.GROUP_CREATE, org, null)
                .compose(actor -> directory.require(org).compose(o -> directory.createGroup(actor, org, name)))
                .onSuccess(g -> JsonResponses.respond(ctx, 201, AccountJson.group(g)))
                .onFailure(ctx::fail);
    }

    private void renameGroup(RoutingContext ctx) {
        UUID org = Requests.pathId(ctx, "org");
        UUID group = Requests.pathId(ctx, "group");
        String name = name(Requests.body(ctx));
        guard.allow(ctx, Action.GROUP_UPDATE, org, group)
                .compose(actor -> directory.requireGroup(org, group).compose(g -> directory.renameGroup(actor, g, name)))
                .onSuccess(g -> JsonResponses.respond(ctx, 200, AccountJson.group(g)))
                .onFailure(ctx::fail);
    }

    private void deleteGroup(RoutingContext ctx) {
        UUID org = Requests.pathId(ctx, "org");
        UUID group = Requests.pathId(ctx, "group");
        guard.allow(ctx, Action.GROUP_DELETE, org, group)
                .compose(actor -> directory.requireGroup(org, group).compose(g -> directory.deleteGroup(actor, g)))
                .onSuccess(v -> ctx.response().setStatusCode(204).end())
                .onFailure(ctx::fail);
    }

    private static String name(JsonObject body) {
        try {
            return AccountFields.label(Requests.string(body, "name"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
