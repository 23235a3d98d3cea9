package sabaq.recorder.footprint;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** Small helpers over the driver: every page of a query, asynchronously; a schema file split into statements. */
final class Cql {
    private Cql() {
    }

    /** Every row of every page, mapped. */
    static <T> CompletionStage<List<T>> all(CqlSession session, Statement<?> statement, Function<Row, T> map) {
        return session.executeAsync(statement).thenCompose(rs -> collect(rs, new ArrayList<>(), map));
    }

    private static <T> CompletionStage<List<T>> collect(AsyncResultSet rs, List<T> into, Function<Row, T> map) {
        for (Row r : rs.currentPage()) into.add(map.apply(r));
        if (!rs.hasMorePages()) return CompletableFuture.completedFuture(into);
        return rs.fetchNextPage().thenCompose(next -> collect(next, into, map));
    }

    /** The statements of a classpath CQL file: comment lines dropped, split at semicolons that end a line. */
    static List<String> statements(String resource) throws IOException {
        String text;
        try (InputStream in = Cql.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IOException(resource + " is missing from the classpath");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("--")) continue;
            current.append(l).append(' ');
            if (l.endsWith(";")) {
                out.add(current.toString().trim().replaceAll(";$", ""));
                current.setLength(0);
            }
        }
        if (current.length() > 0) throw new IOException(resource + " ends without a semicolon");
        return out;
    }

    /** Completes when all do; fails with the first failure. */
    static CompletionStage<Void> allOf(List<CompletionStage<?>> stages) {
        CompletableFuture<?>[] fs = new CompletableFuture<?>[stages.size()];
        for (int i = 0; i < fs.length; i++) fs[i] = stages.get(i).toCompletableFuture();
        return CompletableFuture.allOf(fs);
    }
}
