package sabaq.signalling.http;

import sabaq.signalling.async.ContextFutures;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import sabaq.signalling.SignallingConfig;
import sabaq.signalling.account.AccountRole;
import sabaq.signalling.account.DirectoryService;
import sabaq.signalling.account.Group;
import sabaq.signalling.account.GroupLesson;
import sabaq.signalling.account.RoleAssignment;
import sabaq.signalling.audit.Auditor;
import sabaq.signalling.audit.FieldChange;
import sabaq.signalling.auth.AccessPolicy;
import sabaq.signalling.auth.Action;
import sabaq.signalling.auth.AuthConfig;
import sabaq.signalling.auth.Principal;
import sabaq.signalling.footprint.FootprintServices;
import sabaq.signalling.lesson.LessonIds;
import sabaq.signalling.lesson.LessonOwner;
import sabaq.signalling.lesson.Role;
import sabaq.signalling.lesson.TextRules;
import sabaq.signalling.session.LessonHub;
import sabaq.signalling.session.LessonRegistry;
import sabaq.signalling.store.Repositories;
import sabaq.signalling.token.IssuedToken;
import sabaq.signalling.token.JoinTokens;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Lessons tied to identity (docs/security.md, "Lessons and identity"): a signed-in teacher creates a lesson for one of
 * their groups ({@code POST /api/lessons} with {@code orgId} and {@code groupId}), people of the group list its
 * lessons ({@code GET /api/me/lessons}) and get a personal join link ({@code POST /api/lessons/:id/join}) whose token
 * names their account. Without a session, {@code POST /api/lessons} creates a guest lesson (docs/protocol.md section
 * 1) only when {@code allow-guest-join} is on.
 */
public final class LessonAccessRoutes {
    private static final int LESSONS_PER_GROUP = 20;

    private final SignallingConfig config;
    private final AuthConfig auth;
    private final JoinTokens tokens;
    private final LessonRegistry registry;
    private final LessonApi guestLessons;
    private final DirectoryService directory;
    private final Repositories repos;
    private final AccessGuard guard;
    private final Auditor auditor;
    private final Context owner;
    private final FootprintServices footprint;

    public LessonAccessRoutes(SignallingConfig config, AuthConfig auth, JoinTokens tokens, LessonRegistry registry,
                              LessonApi guestLessons, DirectoryService directory, Repositories repos, AccessGuard guard,
                              Auditor auditor, Context owner, FootprintServices footprint) {
        this.config = Objects.requireNonNull(config, "config");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.guestLessons = Objects.requireNonNull(guestLessons, "guestLessons");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.repos = Objects.requireNonNull(repos, "repos");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.footprint = Objects.requireNonNull(footprint, "footprint");
    }

    public void mount(Router router, Handler<RoutingContext> body) {
        router.post("/api/lessons").handler(body).handler(this::create);
        router.post("/api/lessons/:id/join").handler(guard.requireRole(Action.LESSON_JOIN)).handler(this::join);
        router.get("/api/me/lessons").handler(guard.requireRole(Action.LESSON_LIST)).handler(this::mine);
    }

    private void create(RoutingContext ctx) {
        guard.load(ctx).onSuccess(p -> {
            try {
                route(ctx, p);
            } catch (RuntimeException e) {
                ctx.fail(e);
            }
        }).onFailure(ctx::fail);
    }

    private void route(RoutingContext ctx, Principal p) {
        if (p != null) {
            JsonObject b = Requests.body(ctx);
            if (b.containsKey("groupId")) {
                createForGroup(ctx, b);
                return;
            }
        }
        if (auth.allowGuestJoin()) {
            guestLessons.create(ctx);
        } else if (p == null) {
            ctx.fail(ApiException.unauthenticated());
        } else {
            ctx.fail(ApiException.badRequest("orgId and groupId are required"));
        }
    }

    private void createForGroup(RoutingContext ctx, JsonObject b) {
        String raw = Requests.optionalString(b, "title");
        String title = raw == null ? null : TextRules.label(raw, TextRules.MAX_TITLE);
        if (title == null) {
            throw ApiException.badRequest("title must be 1 to " + TextRules.MAX_TITLE + " characters without control characters");
        }
        UUID org = Requests.optionalUuid(b, "orgId");
        UUID group = Requests.optionalUuid(b, "groupId");
        UUID discipline = Requests.optionalUuid(b, "disciplineId");
        if (org == null || group == null) throw ApiException.badRequest("orgId and groupId are required");
        Principal p = AccessGuard.principal(ctx);
        guard.allow(ctx, Action.LESSON_CREATE, org, group).compose(actor -> directory.requireGroup(org, group)
                .compose(g -> programmeOf(org, group, discipline).map(programme -> new Placed(g, programme)))
                .compose(placed -> {
            Group g = placed.group();
            UUID programme = placed.programmeId();
            LessonHub hub = registry.create(title, p.account().displayName(), owner,
                    new LessonOwner(org, group, p.userId(), programme, discipline));
            if (hub == null) {
                return Future.failedFuture(new ApiException(503, "LESSON_LIMIT", "the server holds its maximum number of lessons"));
            }
            GroupLesson record = new GroupLesson(org, group, hub.id(), title, p.userId(), p.account().displayName(),
                    auditor.now());
            return repos.lessons().save(record)
                    .compose(v -> auditor.record(actor, org, "lesson.create", "lesson", hub.id(), null,
                            List.of(FieldChange.of("title", null, title), FieldChange.of("group", null, g.name()))))
                    .map(v -> created(ctx, hub, p, org, group));
        })).onSuccess(json -> JsonResponses.respond(ctx, 201, json)).onFailure(ctx::fail);
    }

    /** A lesson's group and the programme of its discipline (null without one). */
    private record Placed(Group group, UUID programmeId) {
    }

    /**
     * The programme of the lesson's discipline (null without one): the discipline must be in a programme of the
     * organisation that the group follows, else 400.
     */
    private Future<UUID> programmeOf(UUID org, UUID group, UUID discipline) {
        if (discipline == null) return Future.succeededFuture(null);
        if (!footprint.storageAvailable()) {
            return Future.failedFuture(new ApiException(503, "FOOTPRINT_UNAVAILABLE", "this server keeps no curriculum"));
        }
        return ContextFutures.onCurrentContext(footprint.curriculum().programmeOfDiscipline(org, discipline)).compose(p -> {
            if (p.isEmpty() || !p.get().groupIds().contains(group)) {
                return Future.failedFuture(ApiException.badRequest("disciplineId is not a discipline of this group's programme"));
            }
            return Future.succeededFuture(p.get().id());
        });
    }

    private JsonObject created(RoutingContext ctx, LessonHub hub, Principal p, UUID org, UUID group) {
        String base = LessonApi.baseUrl(ctx, config);
        IssuedToken teacher = tokens.issue(hub.id(), Role.TEACHER, config.tokenTtl(), p.userId().toString(), p.account().displayName());
        JsonObject answer = new JsonObject()
                .put("lessonId", hub.id())
                .put("title", hub.lesson().title())
                .put("orgId", org.toString())
                .put("groupId", group.toString())
                .put("programmeId", hub.owner().programmeId() == null ? null : hub.owner().programmeId().toString())
                .put("disciplineId", hub.owner().disciplineId() == null ? null : hub.owner().disciplineId().toString())
                .put("teacherToken", teacher.token())
                .put("teacherUrl", LessonApi.lessonUrl(base, teacher))
                .put("expiresAt", teacher.claims().expiresAt() * 1000L);
        if (auth.allowGuestJoin()) {
            IssuedToken student = tokens.issue(hub.id(), Role.STUDENT, config.tokenTtl());
            IssuedToken observer = tokens.issue(hub.id(), Role.OBSERVER, config.tokenTtl());
            answer.put("studentToken", student.token()).put("studentUrl", LessonApi.lessonUrl(base, student))
                    .put("observerToken", observer.token()).put("observerUrl", LessonApi.lessonUrl(base, observer));
        }
        return answer;
    }

    /** The lesson role a person gets: the creating teacher teaches, students of the group learn, others observe. */
    static Role lessonRole(Principal p, LessonOwner o) {
        if (p.userId().equals(o.teacherId())) return Role.TEACHER;
        return p.rolesInGroup(o.orgId(), o.groupId()).contains(AccountRole.STUDENT) ? Role.STUDENT : Role.OBSERVER;
    }

    private void join(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        LessonHub hub = LessonIds.isLessonId(id) ? registry.get(id) : null;
        if (hub == null || hub.owner() == null) throw new ApiException(404, "LESSON_NOT_FOUND", "no such group lesson");
        LessonOwner o = hub.owner();
        Principal p = AccessGuard.principal(ctx);
        guard.allow(ctx, Action.LESSON_JOIN, o.orgId(), o.groupId()).onSuccess(actor -> {
            Role role = lessonRole(p, o);
            IssuedToken t = tokens.issue(hub.id(), role, config.tokenTtl(), p.userId().toString(), p.account().displayName());
            JsonResponses.respond(ctx, 200, new JsonObject().put("lessonId", hub.id()).put("role", role.wireName())
                    .put("token", t.token()).put("url", LessonApi.lessonUrl(LessonApi.baseUrl(ctx, config), t))
                    .put("expiresAt", t.claims().expiresAt() * 1000L));
        }).onFailure(ctx::fail);
    }

    /** Lessons of the groups the person teaches, tutors or studies in, newest first, with their state. */
    private void mine(RoutingContext ctx) {
        Principal p = AccessGuard.principal(ctx);
        Map<UUID, RoleAssignment> groups = new LinkedHashMap<>();
        for (RoleAssignment r : p.assignments()) {
            if (r.groupId() != null && AccessPolicy.roles(Action.LESSON_LIST).contains(r.role())) groups.putIfAbsent(r.groupId(), r);
        }
        List<Future<Group>> groupLoads = new ArrayList<>();
        List<Future<List<GroupLesson>>> lessonLoads = new ArrayList<>();
        for (RoleAssignment r : groups.values()) {
            groupLoads.add(repos.directory().group(r.orgId(), r.groupId()));
            lessonLoads.add(repos.lessons().byGroup(r.orgId(), r.groupId(), LESSONS_PER_GROUP));
        }
        Future.all(Future.all(groupLoads), Future.all(lessonLoads)).compose(all -> {
            JsonArray groupJson = new JsonArray();
            Map<UUID, String> names = new LinkedHashMap<>();
            List<GroupLesson> lessons = new ArrayList<>();
            int i = 0;
            for (RoleAssignment r : groups.values()) {
                Group g = all.<io.vertx.core.CompositeFuture>resultAt(0).resultAt(i);
                lessons.addAll(all.<io.vertx.core.CompositeFuture>resultAt(1).<List<GroupLesson>>resultAt(i));
                i++;
                if (g == null) continue;
                names.put(g.id(), g.name());
                groupJson.add(new JsonObject().put("orgId", g.orgId().toString()).put("groupId", g.id().toString())
                        .put("name", g.name()).put("role", r.role().wireName())
                        .put("canCreate", AccessPolicy.decide(p, Action.LESSON_CREATE, g.orgId(), g.id()).allowed()));
            }
            lessons.sort(Comparator.comparingLong(GroupLesson::createdAt).reversed());
            List<Future<JsonObject>> rows = new ArrayList<>();
            for (GroupLesson l : lessons) rows.add(lessonJson(p, l, names.get(l.groupId())));
            return Future.all(rows).map(cf -> {
                JsonArray out = new JsonArray();
                for (int k = 0; k < cf.size(); k++) out.add(cf.<JsonObject>resultAt(k));
                return new JsonObject().put("groups", groupJson).put("lessons", out);
            });
        }).onSuccess(json -> JsonResponses.respond(ctx, 200, json)).onFailure(ctx::fail);
    }

    private Future<JsonObject> lessonJson(Principal p, GroupLesson l, String groupName) {
        JsonObject o = new JsonObject().put("lessonId", l.lessonId()).put("title", l.title()).put("orgId", l.orgId().toString())
                .put("groupId", l.groupId().toString()).put("groupName", groupName).put("teacherName", l.teacherName())
                .put("createdAt", l.createdAt())
                .put("role", lessonRole(p, new LessonOwner(l.orgId(), l.groupId(), l.teacherId())).wireName());
        LessonHub hub = registry.get(l.lessonId());
        if (hub == null) return Future.succeededFuture(o.put("state", "gone"));
        return hub.call(() -> o.put("state", hub.lesson().state().wireName()).put("participants", hub.lesson().participantCount()));
    }
}
