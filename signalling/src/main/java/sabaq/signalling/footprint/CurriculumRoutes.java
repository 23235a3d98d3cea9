package sabaq.signalling.footprint;

import sabaq.signalling.async.ContextFutures;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import sabaq.common.footprint.CurriculumStore;
import sabaq.common.footprint.Discipline;
import sabaq.common.footprint.HourFormat;
import sabaq.common.footprint.Programme;
import sabaq.common.footprint.ProgrammeKind;
import sabaq.signalling.account.DirectoryService;
import sabaq.signalling.audit.Auditor;
import sabaq.signalling.audit.FieldChange;
import sabaq.signalling.auth.Action;
import sabaq.signalling.http.AccessGuard;
import sabaq.signalling.http.ApiException;
import sabaq.signalling.http.JsonResponses;
import sabaq.signalling.http.Requests;
import sabaq.signalling.lesson.TextRules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The curriculum over HTTP (docs/footprint.md sections 3 and 4): an organisation's programmes with their groups and
 * disciplines (planned academic hours by format, practice flagged). Methodists, directors and administrators change
 * them ({@code curriculum-write}, audited as {@code programme.save} / {@code programme.delete}); monitors and deputy
 * directors read them too ({@code curriculum-read}).
 */
public final class CurriculumRoutes {
    static final int MAX_DISCIPLINES = 200;
    static final int MAX_GROUPS = 500;
    static final int MAX_HOURS = 10_000;

    private final FootprintServices footprint;
    private final DirectoryService directory;
    private final Auditor auditor;
    private final AccessGuard guard;

    public CurriculumRoutes(FootprintServices footprint, DirectoryService directory, Auditor auditor, AccessGuard guard) {
        this.footprint = Objects.requireNonNull(footprint, "footprint");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    public void mount(Router router, Handler<RoutingContext> body) {
        router.get("/api/orgs/:org/programmes").handler(guard.requireRole(Action.CURRICULUM_READ)).handler(this::list);
        router.post("/api/orgs/:org/programmes").handler(body).handler(guard.requireRole(Action.CURRICULUM_WRITE)).handler(this::create);
        router.put("/api/orgs/:org/programmes/:id").handler(body).handler(guard.requireRole(Action.CURRICULUM_WRITE)).handler(this::replace);
        router.delete("/api/orgs/:org/programmes/:id").handler(guard.requireRole(Action.CURRICULUM_WRITE)).handler(this::delete);
    }

    private CurriculumStore store() {
        if (!footprint.storageAvailable()) {
            throw new ApiException(503, "FOOTPRINT_UNAVAILABLE", "this server keeps no curriculum");
        }
        return footprint.curriculum();
    }


    private void list(RoutingContext ctx) {
        UUID org = Requests.pathId(ctx, "org");
        CurriculumStore store = store();
        guard.allow(ctx, Action.CURRICULUM_READ, org, null).compose(a -> ContextFutures.onCurrentContext(store.programmes(org)))
                .onSuccess(list -> JsonResponses.respond(ctx, 200, new JsonObject()
                        .put("programmes", FootprintJson.array(list, FootprintJson::programme))))
                .onFailure(ctx::fail);
    }

    private void create(RoutingContext ctx) {
        UUID org = Requests.pathId(ctx, "org");
        Programme p = parse(Requests.body(ctx), org, UUID.randomUUID());
        save(ctx, p, 201);
    }

    private void replace(RoutingContext ctx) {
        UUID org = Requests.pathId(ctx, "org");
        UUID id = Requests.pathId(ctx, "id");
        Programme p = parse(Requests.body(ctx), org, id);
        CurriculumStore store = store();
        guard.allow(ctx, Action.CURRICULUM_WRITE, org, null).compose(a -> ContextFutures.onCurrentContext(store.programme(org, id))).onSuccess(old -> {
            if (old.isEmpty()) {
                ctx.fail(ApiException.notFound("no such programme"));
            } else {
                save(ctx, p, 200);
            }
        }).onFailure(ctx::fail);
    }

    private void save(RoutingContext ctx, Programme p, int status) {
        CurriculumStore store = store();
        guard.allow(ctx, Action.CURRICULUM_WRITE, p.orgId(), null).compose(actor -> {
            List<Future<?>> groups = new ArrayList<>();
            for (UUID g : p.groupIds()) groups.add(directory.requireGroup(p.orgId(), g));
            return Future.all(groups).compose(v -> ContextFutures.onCurrentContext(store.save(p))).compose(v -> auditor.record(actor, p.orgId(),
                    "programme.save", "programme", p.id().toString(), null, List.of(FieldChange.of("name", null, p.name()),
                            FieldChange.of("disciplines", null, String.valueOf(p.disciplines().size())))));
        }).onSuccess(v -> JsonResponses.respond(ctx, status, new JsonObject().put("programme", FootprintJson.programme(p))))
                .onFailure(ctx::fail);
    }

    private void delete(RoutingContext ctx) {
        UUID org = Requests.pathId(ctx, "org");
        UUID id = Requests.pathId(ctx, "id");
        CurriculumStore store = store();
        guard.allow(ctx, Action.CURRICULUM_WRITE, org, null).compose(actor -> ContextFutures.onCurrentContext(store.delete(org, id)).compose(existed -> {
            if (!existed) return Future.failedFuture(ApiException.notFound("no such programme"));
            return auditor.record(actor, org, "programme.delete", "programme", id.toString(), null, List.of());
        })).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }

    /** A programme from a request body; 400 with the reason for anything malformed. */
    static Programme parse(JsonObject b, UUID org, UUID id) {
        String name = label(Requests.optionalString(b, "name"), "name");
        ProgrammeKind kind = ProgrammeKind.fromWire(Requests.optionalString(b, "kind"))
                .orElseThrow(() -> ApiException.badRequest("kind is online-tvet, full-time-tvet or school"));
        Set<UUID> groups = new LinkedHashSet<>();
        for (Object g : array(b, "groupIds", MAX_GROUPS)) {
            UUID u = g instanceof String ? Requests.uuid((String) g) : null;
            if (u == null) throw ApiException.badRequest("groupIds must be group ids");
            groups.add(u);
        }
        List<Discipline> disciplines = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        for (Object o : array(b, "disciplines", MAX_DISCIPLINES)) {
            if (!(o instanceof JsonObject)) throw ApiException.badRequest("each discipline must be an object");
            Discipline d = discipline((JsonObject) o);
            if (!ids.add(d.id())) throw ApiException.badRequest("discipline " + d.id() + " appears twice");
            disciplines.add(d);
        }
        return new Programme(org, id, name, kind, new ArrayList<>(groups), disciplines);
    }

    private static Discipline discipline(JsonObject d) {
        UUID id = Requests.optionalUuid(d, "id");
        String name = label(Requests.optionalString(d, "name"), "discipline name");
        Boolean practice = Requests.optionalBoolean(d, "practice");
        Object hoursValue = d.getValue("plannedHours");
        if (!(hoursValue instanceof JsonObject)) throw ApiException.badRequest("plannedHours must be an object");
        Map<HourFormat, Integer> hours = new EnumMap<>(HourFormat.class);
        for (Map.Entry<String, Object> h : ((JsonObject) hoursValue)) {
            HourFormat f = HourFormat.fromWire(h.getKey())
                    .orElseThrow(() -> ApiException.badRequest("plannedHours formats are classroom, synchronous, asynchronous, distance"));
            Object v = h.getValue();
            if (!(v instanceof Integer) || (Integer) v < 0 || (Integer) v > MAX_HOURS) {
                throw ApiException.badRequest("planned hours are whole numbers 0 to " + MAX_HOURS);
            }
            hours.put(f, (Integer) v);
        }
        return new Discipline(id == null ? UUID.randomUUID() : id, name, hours, practice != null && practice);
    }

    private static String label(String raw, String field) {
        String s = raw == null ? null : TextRules.label(raw, TextRules.MAX_TITLE);
        if (s == null) throw ApiException.badRequest(field + " must be 1 to " + TextRules.MAX_TITLE + " characters without control characters");
        return s;
    }

    private static List<Object> array(JsonObject b, String field, int max) {
        Object v = b.getValue(field);
        if (v == null) return List.of();
        if (!(v instanceof JsonArray)) throw ApiException.badRequest(field + " must be an array");
        JsonArray a = (JsonArray) v;
        if (a.size() > max) throw ApiException.badRequest(field + " holds at most " + max);
        List<Object> out = new ArrayList<>();
        for (Object o : a) out.add(o);
        return out;
    }
}
