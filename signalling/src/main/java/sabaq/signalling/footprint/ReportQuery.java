package sabaq.signalling.footprint;

import io.vertx.ext.web.RoutingContext;
import sabaq.common.footprint.Period;
import sabaq.signalling.http.ApiException;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The common query parameters of the footprint routes: {@code from}, {@code to} (UTC dates, inclusive; default the
 * last 7 days; at most {@value #MAX_DAYS} days), {@code format} ({@code json}, {@code csv} or {@code xapi}) and
 * {@code lang} ({@code kk}, {@code ru}, {@code en}) for CSV headers.
 */
record ReportQuery(Period period, String format, String lang) {
    static final int MAX_DAYS = 400;

    static ReportQuery of(RoutingContext ctx, long now, boolean xapiAllowed) {
        LocalDate today = LocalDate.ofEpochDay(Math.floorDiv(now, 86_400_000L));
        LocalDate to = date(ctx.queryParams().get("to"), today);
        LocalDate from = date(ctx.queryParams().get("from"), to.minusDays(6));
        if (from.isAfter(to)) throw ApiException.badRequest("from is after to");
        if (from.plusDays(MAX_DAYS).isBefore(to)) throw ApiException.badRequest("a period is at most " + MAX_DAYS + " days");
        String format = param(ctx, "format", "json");
        if (!(format.equals("json") || format.equals("csv") || (xapiAllowed && format.equals("xapi")))) {
            throw ApiException.badRequest(xapiAllowed ? "format is json, csv or xapi" : "format is json or csv");
        }
        String lang = param(ctx, "lang", "en");
        if (!FootprintCsv.LANGUAGES.contains(lang)) throw ApiException.badRequest("lang is kk, ru or en");
        long start = from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        return new ReportQuery(new Period(start, end), format, lang);
    }

    static LocalDate date(String s, LocalDate fallback) {
        if (s == null || s.isEmpty()) return fallback;
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("dates are YYYY-MM-DD");
        }
    }

    private static String param(RoutingContext ctx, String name, String fallback) {
        String v = ctx.queryParams().get(name);
        return v == null || v.isEmpty() ? fallback : v.toLowerCase(Locale.ROOT);
    }
}
