package sabaq.signalling.footprint;

import sabaq.signalling.async.ContextFutures;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import sabaq.common.footprint.FootprintEvent;
import sabaq.common.footprint.FootprintReports;
import sabaq.common.time.TimeSource;
import sabaq.signalling.account.AccountRole;
import sabaq.signalling.account.Group;
import sabaq.signalling.auth.Action;
import sabaq.signalling.auth.Principal;
import sabaq.signalling.http.AccessGuard;
import sabaq.signalling.http.ApiException;
import sabaq.signalling.http.JsonResponses;
import sabaq.signalling.http.Requests;
import sabaq.signalling.store.Repositories;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The monitors' reports and one's own footprint over HTTP (docs/footprint.md section 4): attendance per lesson, the
 * lessons and per-person totals of a group, the programme shares, the distance-day count, and the events of a person
 * or a lesson, as JSON, CSV ({@code format=csv&lang=kk|ru|en}) or xAPI statements ({@code format=xapi}).
 * Monitors, directors, deputy directors, methodists and administrators see their organisation
 * ({@code footprint-read}); everyone sees their own ({@code footprint-own-read}); a parent their linked child's
 * ({@code footprint-child-read}).
 */
public final class FootprintRoutes {
    static final String DEFAULT_ZONE = "Asia/Almaty";

    private final FootprintServices footprint;
    private final Repositories repos;
    private final AccessGuard guard;
    private final TimeSource time;

    public FootprintRoutes(FootprintServices footprint, Repositories repos, AccessGuard guard, TimeSource time) {
        this.footprint = Objects.requireNonNull(footprint, "footprint");
        this.repos = Objects.requireNonNull(repos, "repos");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.time = Objects.requireNonNull(time, "time");
    }

    public void mount(Router router) {
        String org = "/api/orgs/:org/footprint";
        router.get(org + "/lessons").handler(guard.requireRole(Action.FOOTPRINT_READ)).handler(this::lessons);
        router.get(org + "/lessons/:lesson/attendance").handler(guard.requireRole(Action.FOOTPRINT_READ)).handler(this::attendance);
        router.get(org + "/lessons/:lesson/events").handler(guard.requireRole(Action.FOOTPRINT_READ)).handler(this::lessonEvents);
        router.get(org + "/groups/:group/totals").handler(guard.requireRole(Action.FOOTPRINT_READ)).handler(this::totals);
        router.get(org + "/shares").handler(guard.requireRole(Action.FOOTPRINT_READ)).handler(this::shares);
        router.get(org + "/distance-day").handler(guard.requireRole(Action.FOOTPRINT_READ)).handler(this::distanceDay);
        router.get(org + "/people/:user").handler(guard.requireRole(Action.FOOTPRINT_READ)).handler(this::person);
        router.get("/api/me/footprint").handler(guard.requireRole(Action.FOOTPRINT_OWN_READ)).handler(this::own);
        router.get("/api/me/children/:id/footprint").handler(guard.requireRole(Action.FOOTPRINT_CHILD_READ)).handler(this::child);
    }

    private FootprintReports reports() {
        if (!footprint.storageAvailable()) {
            throw new ApiException(503, "FOOTPRINT_UNAVAILABLE", "this server keeps no digital footprint");
        }
        return footprint.reports();
    }


    /** Runs {@code then} once the caller may read the organisation's footprint. */
    private <T> Future<T> asReader(RoutingContext ctx, UUID org, java.util.function.Supplier<Future<T>> then) {
        return guard.allow(ctx, Action.FOOTPRINT_READ, org, null).compose(actor -> then.get());
    }

    private void lessons(RoutingContext ctx) {
        UUID org = Requests.pathId(ctx, "org");
        UUID group = groupParam(ctx);
        ReportQuery q = ReportQuery.of(ctx, time.epochMillis(), false);
        FootprintReports reports = reports();
        asReader(ctx, org, () -> ContextFutures.onCurrentContext(reports.groupLessons(org, group, q.period())))
                .onSuccess(list -> JsonResponses.respond(ctx, 200, new JsonObject()
                        .put("lessons", FootprintJson.array(list, FootprintJson::lesson))))
                .onFailure(ctx::fail);
    }

    private static UUID groupParam(RoutingContext ctx) {
        UUID group = Requests.uuid(ctx.queryParams().get("group"));
        if (group == null) throw ApiException.badRequest("group must be a group id");
        return group;
    }

    private static String lessonParam(RoutingContext ctx) {
        String lesson = ctx.pathParam("lesson");
        if (!FootprintEvent.isId(lesson)) throw ApiException.notFound("no such lesson");
        return lesson;
    }

    /** The lesson's events, once they show it belongs to the organisation (else 404: no such lesson there). */
    private Future<List<FootprintEvent>> lessonOf(FootprintReports reports, UUID org, String lesson) {
        return ContextFutures.onCurrentContext(reports.lessonEvents(lesson)).map(events -> {
            boolean ours = false;
            for (FootprintEvent e : events) ours |= org.equals(e.context().orgId());
            if (!ours) throw ApiException.notFound("no such lesson in this organisation");
            return events;
        });
    }

    private void attendance(RoutingContext ctx) {
        UUID org = Requests.pathId(ctx, "org");
        String lesson = lessonParam(ctx);
        ReportQuery q = ReportQuery.of(ctx, time.epochMillis(), false);
        FootprintReports reports = reports();
        asReader(ctx, org, () -> lessonOf(reports, org, lesson)).compose(events -> ContextFutures.onCurrentContext(reports.lessonAttendance(lesson))
                .onSuccess(rows -> {
                    if (q.format().equals("csv")) {
                        csv(ctx, "attendance-" + lesson, new FootprintCsv(q.lang()).attendance(rows));
                        return;
                    }
                    UUID group = events.get(0).context().groupId();
                    JsonResponses.respond(ctx, 200, new JsonObject().put("lessonId", lesson).put("orgId", org.toString())
                            .put("groupId", group == null ? null : group.toString())
                            .put("rows", FootprintJson.array(rows, FootprintJson::attendance)));
                })).onFailure(ctx::fail);
    }

    private void lessonEvents(RoutingContext ctx) {
        UUID org = Requests.pathId(ctx, "org");
        String lesson = lessonParam(ctx);
        ReportQuery q = ReportQuery.of(ctx, time.epochMillis(), true);
        FootprintReports reports = reports();
        asReader(ctx, org, () -> lessonOf(reports, org, lesson))
                .onSuccess(events -> events(ctx, q, "lesson-" + lesson, events)).onFailure(ctx::fail);
    }

    private void totals(RoutingContext ctx) {
        UUID org = Requests.pathId(ctx, "org");
        UUID group = Requests.pathId(ctx, "group");
        ReportQuery q = ReportQuery.of(ctx, time.epochMillis(), false);
        String table = ctx.queryParams().get("table") == null ? "students" : ctx.queryParams().get("table");
        if (!table.equals("students") && !table.equals("teachers")) throw ApiException.badRequest("table is students or teachers");
        FootprintReports reports = reports();
        asReader(ctx, org, () -> ContextFutures.onCurrentContext(reports.studentTotals(org, group, q.period()))
                .compose(students -> ContextFutures.onCurrentContext(reports.teacherTotals(org, group, q.period())).map(teachers -> List.of(students, teachers))))
                .onSuccess(both -> {
                    if (q.format().equals("csv")) {
                        csv(ctx, table + "-" + group, new FootprintCsv(q.lang()).totals(both.get(table.equals("students") ? 0 : 1)));
                    } else {
                        JsonResponses.respond(ctx, 200, new JsonObject()
                                .put("students", FootprintJson.array(both.get(0), FootprintJson::totals))
                                .put("teachers", FootprintJson.array(both.get(1), FootprintJson::totals)));
                    }
                }).onFailure(ctx::fail);
    }

    private void shares(RoutingContext ctx) {
        UUID org = Requests.pathId(ctx, "org");
        ReportQuery q = ReportQuery.of(ctx, time.epochMillis(), false);
        FootprintReports reports = reports();
        asReader(ctx, org, () -> ContextFutures.onCurrentContext(reports.programmeShares(org, q.period()))).onSuccess(list -> {
            if (q.format().equals("csv")) {
                csv(ctx, "shares-" + org, new FootprintCsv(q.lang()).shares(list));
            } else {
                JsonResponses.respond(ctx, 200, new JsonObject().put("shares", FootprintJson.array(list, FootprintJson::share)));
            }
        }).onFailure(ctx::fail);
    }

    private void distanceDay(RoutingContext ctx) {
        UUID org = Requests.pathId(ctx, "org");
        ReportQuery q = ReportQuery.of(ctx, time.epochMillis(), false);
        LocalDate day = ReportQuery.date(ctx.queryParams().get("day"), LocalDate.ofEpochDay(Math.floorDiv(time.epochMillis(), 86_400_000L)));
        ZoneId zone;
        try {
            String tz = ctx.queryParams().get("tz");
            zone = ZoneId.of(tz == null || tz.isEmpty() ? DEFAULT_ZONE : tz);
        } catch (DateTimeException e) {
            throw ApiException.badRequest("tz must be a time zone such as Asia/Almaty");
        }
        FootprintReports reports = reports();
        Map<UUID, String> names = new HashMap<>();
        asReader(ctx, org, () -> repos.directory().groups(org).compose(groups -> {
            List<Future<List<UUID>>> rosters = new ArrayList<>();
            for (Group g : groups) {
                names.put(g.id(), g.name());
                rosters.add(repos.roles().members(org, g.id(), AccountRole.STUDENT));
            }
            return Future.all(rosters).compose(all -> {
                Map<UUID, Set<String>> expected = new HashMap<>();
                for (int i = 0; i < groups.size(); i++) {
                    Set<String> ids = new HashSet<>();
                    for (UUID u : all.<List<UUID>>resultAt(i)) ids.add(u.toString());
                    expected.put(groups.get(i).id(), ids);
                }
                return ContextFutures.onCurrentContext(reports.distanceDay(org, day, zone, expected));
            });
        })).onSuccess(rows -> {
            if (q.format().equals("csv")) {
                csv(ctx, "distance-day-" + day, new FootprintCsv(q.lang()).distanceDay(rows, names));
            } else {
                JsonResponses.respond(ctx, 200, new JsonObject().put("day", day.toString()).put("zone", zone.getId())
                        .put("rows", FootprintJson.array(rows, r -> FootprintJson.distanceDay(r, names.get(r.groupId())))));
            }
        }).onFailure(ctx::fail);
    }

    private void person(RoutingContext ctx) {
        UUID org = Requests.pathId(ctx, "org");
        UUID user = Requests.pathId(ctx, "user");
        ReportQuery q = ReportQuery.of(ctx, time.epochMillis(), true);
        FootprintReports reports = reports();
        asReader(ctx, org, () -> repos.accounts().byId(user).compose(a -> {
            if (a == null || !a.orgId().equals(org)) return Future.failedFuture(ApiException.notFound("no such user in this organisation"));
            return ContextFutures.onCurrentContext(reports.personEvents(user.toString(), q.period()));
        })).onSuccess(events -> events(ctx, q, "footprint-" + user, events)).onFailure(ctx::fail);
    }

    private void own(RoutingContext ctx) {
        Principal p = AccessGuard.principal(ctx);
        ReportQuery q = ReportQuery.of(ctx, time.epochMillis(), true);
        ContextFutures.onCurrentContext(reports().personEvents(p.userId().toString(), q.period()))
                .onSuccess(events -> events(ctx, q, "footprint-" + p.userId(), events)).onFailure(ctx::fail);
    }

    private void child(RoutingContext ctx) {
        Principal p = AccessGuard.principal(ctx);
        UUID child = Requests.pathId(ctx, "id");
        ReportQuery q = ReportQuery.of(ctx, time.epochMillis(), true);
        FootprintReports reports = reports();
        repos.roles().children(p.userId()).compose(children -> {
            if (!children.contains(child)) return Future.<List<FootprintEvent>>failedFuture(ApiException.forbidden());
            return ContextFutures.onCurrentContext(reports.personEvents(child.toString(), q.period()));
        }).onSuccess(events -> events(ctx, q, "footprint-" + child, events)).onFailure(ctx::fail);
    }

    private static void events(RoutingContext ctx, ReportQuery q, String name, List<FootprintEvent> events) {
        switch (q.format()) {
            case "csv":
                csv(ctx, name, new FootprintCsv(q.lang()).events(events));
                break;
            case "xapi":
                ctx.response().putHeader("Cache-Control", "no-store")
                        .putHeader("Content-Disposition", "attachment; filename=\"" + name + "-xapi.json\"")
                        .putHeader("Content-Type", "application/json; charset=utf-8")
                        .end(XapiStatements.result(events).encode());
                break;
            default:
                JsonResponses.respond(ctx, 200, new JsonObject().put("events", FootprintJson.array(events, FootprintJson::event)));
        }
    }

    private static void csv(RoutingContext ctx, String name, String body) {
        ctx.response().putHeader("Cache-Control", "no-store")
                .putHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                .putHeader("Content-Type", "text/csv; charset=utf-8").end(body);
    }
}
