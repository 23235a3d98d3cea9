package sabaq.signalling.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import sabaq.signalling.audit.AuditEntry;
import sabaq.signalling.audit.Auditor;
import sabaq.signalling.audit.FailedAccess;
import sabaq.signalling.auth.Action;
import sabaq.signalling.auth.Ages;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The audit log and the failed-access log of an organisation: {@code GET /api/orgs/:org/audit} and
 * {@code GET /api/orgs/:org/failed-access}, with {@code from} and {@code to} (UTC dates, inclusive; default: the last
 * 7 days), {@code limit} (default 200, at most 1000) and for the audit log {@code user} (entries by or about that
 * account).
 */
public final class AuditRoutes {
    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1000;

    private final Auditor auditor;
    private final AccessGuard guard;

    public AuditRoutes(Auditor auditor, AccessGuard guard) {
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    public void mount(Router router, Handler<RoutingContext> unused) {
        router.get("/api/orgs/:org/audit").handler(guard.requireRole(Action.AUDIT_READ)).handler(this::audit);
        router.get("/api/orgs/:org/failed-access").handler(guard.requireRole(Action.FAILED_ACCESS_READ)).handler(this::failed);
    }

    /** A period query: [from, to] in epoch ms and a limit. */
    record Period(long from, long to, int limit) {
    }

    static Period period(RoutingContext ctx, long now) {
        LocalDate today = Ages.today(now);
        LocalDate to = date(ctx.queryParams().get("to"), today);
        LocalDate from = date(ctx.queryParams().get("from"), to.minusDays(6));
        if (from.isAfter(to)) throw ApiException.badRequest("from is after to");
        int limit = DEFAULT_LIMIT;
        String l = ctx.queryParams().get("limit");
        if (l != null) {
            try {
                limit = Integer.parseInt(l);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("limit must be a number");
            }
            if (limit < 1 || limit > MAX_LIMIT) throw ApiException.badRequest("limit must be 1 to " + MAX_LIMIT);
        }
        long start = from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
        return new Period(start, end, limit);
    }

    private static LocalDate date(String s, LocalDate fallback) {
        if (s == null || s.isEmpty()) return fallback;
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("dates are YYYY-MM-DD");
        }
    }

    private void audit(RoutingContext ctx) {
        UUID org = Requests.pathId(ctx, "org");
        Period p = period(ctx, auditor.now());
        String userParam = ctx.queryParams().get("user");
        UUID user = userParam == null || userParam.isEmpty() ? null : Requests.uuid(userParam);
        if (userParam != null && !userParam.isEmpty() && user == null) throw ApiException.badRequest("user must be an account id");
        guard.allow(ctx, Action.AUDIT_READ, org, null).compose(actor -> {
            if (user == null) return auditor.log().byOrg(org, p.from(), p.to(), p.limit());
            return Future.all(auditor.log().byActor(user, p.from(), p.to(), p.limit()),
                    auditor.log().bySubject(user, p.from(), p.to(), p.limit())).map(cf -> merge(org, cf.resultAt(0),
                    cf.resultAt(1), p.limit()));
        }).onSuccess(entries -> {
            JsonArray out = new JsonArray();
            entries.forEach(e -> out.add(e.toJson()));
            JsonResponses.respond(ctx, 200, new JsonObject().put("entries", out).put("from", p.from()).put("to", p.to()));
        }).onFailure(ctx::fail);
    }

    /** Entries by and about a user, only those of this organisation, newest first, each once. */
    static List<AuditEntry> merge(UUID org, List<AuditEntry> byActor, List<AuditEntry> bySubject, int limit) {
        Map<UUID, AuditEntry> all = new LinkedHashMap<>();
        for (AuditEntry e : byActor) if (e.orgId().equals(org)) all.put(e.id(), e);
        for (AuditEntry e : bySubject) if (e.orgId().equals(org)) all.put(e.id(), e);
        List<AuditEntry> out = new ArrayList<>(all.values());
        out.sort(Comparator.comparingLong(AuditEntry::at).reversed());
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    private void failed(RoutingContext ctx) {
        UUID org = Requests.pathId(ctx, "org");
        Period p = period(ctx, auditor.now());
        guard.allow(ctx, Action.FAILED_ACCESS_READ, org, null)
                .compose(actor -> auditor.failedLog().byOrg(org, p.from(), p.to(), p.limit()))
                .onSuccess(list -> {
                    JsonArray out = new JsonArray();
                    for (FailedAccess a : list) out.add(a.toJson());
                    JsonResponses.respond(ctx, 200, new JsonObject().put("attempts", out).put("from", p.from()).put("to", p.to()));
                }).onFailure(ctx::fail);
    }
}
