package sabaq.signalling.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import sabaq.signalling.account.DirectoryService;
import sabaq.signalling.account.OrganisationExport;
import sabaq.signalling.footprint.OrganisationFootprintExport;
import sabaq.signalling.account.UserImport;
import sabaq.signalling.audit.Auditor;
import sabaq.signalling.audit.FieldChange;
import sabaq.signalling.auth.Action;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * CSV import of users ({@code POST /api/orgs/:org/import}, body {@code text/csv}, {@code ?partial=true} to import the
 * valid rows despite problems) and export of an organisation's data
 * ({@code GET /api/orgs/:org/export/<users|groups|lessons|footprint>.<csv|json>}; the footprint CSV takes
 * {@code ?lang=kk|ru|en} for its headers).
 */
public final class DataRoutes {
    private final UserImport importer;
    private final OrganisationExport export;
    private final DirectoryService directory;
    private final Auditor auditor;
    private final AccessGuard guard;
    private final int maxImportBytes;
    private final OrganisationFootprintExport footprint;

    public DataRoutes(UserImport importer, OrganisationExport export, DirectoryService directory, Auditor auditor,
                      AccessGuard guard, int maxImportBytes, OrganisationFootprintExport footprint) {
        this.footprint = Objects.requireNonNull(footprint, "footprint");
        this.importer = Objects.requireNonNull(importer, "importer");
        this.export = Objects.requireNonNull(export, "export");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.maxImportBytes = maxImportBytes;
    }

    public void mount(Router router, Handler<RoutingContext> unused) {
        router.post("/api/orgs/:org/import").handler(BodyHandler.create(false).setBodyLimit(maxImportBytes))
                .handler(guard.requireRole(Action.USER_IMPORT)).handler(this::importUsers);
        router.get("/api/orgs/:org/export/:file").handler(guard.requireRole(Action.DATA_EXPORT)).handler(this::export);
    }

    private void importUsers(RoutingContext ctx) {
        UUID org = Requests.pathId(ctx, "org");
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("text/csv")) {
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "send the file as text/csv");
        }
        boolean partial = "true".equals(ctx.queryParams().get("partial"));
        byte[] bytes = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        guard.allow(ctx, Action.USER_IMPORT, org, null)
                .compose(actor -> directory.require(org).compose(o -> importer.run(actor, org, bytes, partial)))
                .onSuccess(json -> JsonResponses.respond(ctx, 200, json))
                .onFailure(ctx::fail);
    }

    private void export(RoutingContext ctx) {
        UUID org = Requests.pathId(ctx, "org");
        String file = ctx.pathParam("file");
        int dot = file.lastIndexOf('.');
        OrganisationExport.Dataset dataset = null;
        String format = dot < 0 ? "" : file.substring(dot + 1);
        for (OrganisationExport.Dataset d : OrganisationExport.Dataset.values()) {
            if (dot > 0 && d.name().toLowerCase(Locale.ROOT).equals(file.substring(0, dot))) dataset = d;
        }
        if (file.equals("footprint.csv") || file.equals("footprint.json")) {
            exportFootprint(ctx, org, file, format);
            return;
        }
        if (dataset == null || !(format.equals("csv") || format.equals("json"))) {
            throw ApiException.notFound("export users, groups, lessons or footprint as .csv or .json");
        }
        OrganisationExport.Dataset chosen = dataset;
        guard.allow(ctx, Action.DATA_EXPORT, org, null)
                .compose(actor -> directory.require(org)
                        .compose(o -> export.rows(org, chosen))
                        .compose(rows -> auditor.record(actor, org, "data.export", "organisation", org.toString(), null,
                                List.of(FieldChange.of("file", null, file), FieldChange.of("rows", null, rows.size() - 1))).map(rows)))
                .onSuccess(rows -> {
                    String name = "sabaq-" + org + "-" + file;
                    ctx.response().putHeader("Cache-Control", "no-store")
                            .putHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
                    if (format.equals("csv")) {
                        ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8").end(OrganisationExport.csv(rows));
                    } else {
                        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                                .end(new JsonObject().put("organisation", org.toString())
                                        .put(chosen.name().toLowerCase(Locale.ROOT), OrganisationExport.json(rows)).encode());
                    }
                }).onFailure(ctx::fail);
    }

    /** Every footprint event of the organisation's lessons (docs/footprint.md), audited like the other exports. */
    private void exportFootprint(RoutingContext ctx, UUID org, String file, String format) {
        String lang = ctx.queryParams().get("lang") == null ? "en" : ctx.queryParams().get("lang");
        if (!OrganisationFootprintExport.isLanguage(lang)) throw ApiException.badRequest("lang is kk, ru or en");
        guard.allow(ctx, Action.DATA_EXPORT, org, null)
                .compose(actor -> directory.require(org)
                        .compose(o -> footprint.events(org))
                        .compose(events -> auditor.record(actor, org, "data.export", "organisation", org.toString(), null,
                                List.of(FieldChange.of("file", null, file), FieldChange.of("rows", null, events.size()))).map(events)))
                .onSuccess(events -> {
                    String name = "sabaq-" + org + "-" + file;
                    ctx.response().putHeader("Cache-Control", "no-store")
                            .putHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
                    if (format.equals("csv")) {
                        ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                                .end(OrganisationFootprintExport.csv(events, lang));
                    } else {
                        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                                .end(new JsonObject().put("organisation", org.toString())
                                        .put("footprint", OrganisationFootprintExport.json(events)).encode());
                    }
                }).onFailure(ctx::fail);
    }
}
