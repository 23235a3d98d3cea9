package sabaq.signalling.store;

import io.vertx.core.Future;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reading day partitions ({@code (org_id, day)}, UTC days) newest first until a period or a limit is exhausted. A
 * period spans at most {@link #MAX_DAYS} days.
 */
final class Days {
    static final int MAX_DAYS = 400;

    private Days() {
    }

    static LocalDate of(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }

    /**
     * Queries {@code perDay} for each day from {@code to} back to {@code from}, one after the other, collecting at
     * most {@code limit} results.
     */
    static <T> Future<List<T>> newestFirst(long from, long to, int limit, Function<LocalDate, Future<List<T>>> perDay) {
        if (to < from || limit <= 0) return Future.succeededFuture(new ArrayList<>());
        LocalDate first = of(from);
        LocalDate last = of(to);
        if (first.plusDays(MAX_DAYS).isBefore(last)) first = last.minusDays(MAX_DAYS);
        return step(last, first, limit, perDay, new ArrayList<>());
    }

    private static <T> Future<List<T>> step(LocalDate day, LocalDate first, int limit,
                                            Function<LocalDate, Future<List<T>>> perDay, List<T> into) {
        if (day.isBefore(first) || into.size() >= limit) return Future.succeededFuture(into);
        return perDay.apply(day).compose(rows -> {
            for (T t : rows) {
                if (into.size() >= limit) break;
                into.add(t);
            }
            return step(day.minusDays(1), first, limit, perDay, into);
        });
    }
}
