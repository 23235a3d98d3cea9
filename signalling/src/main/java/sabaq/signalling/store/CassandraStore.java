package sabaq.signalling.store;

import sabaq.signalling.async.ContextFutures;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.internal.core.ssl.DefaultSslEngineFactory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Cassandra session of the server (DataStax Java driver 4). Opening it (connect, create the keyspace, apply
 * {@code cql/schema.cql}, which is idempotent) runs on a worker thread; every query afterwards is asynchronous and
 * completes its {@link Future} on the calling Vert.x context, so event loops never wait for the database.
 */
public final class CassandraStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CassandraStore.class);
    private static final String SCHEMA = "cql/schema.cql";

    private final CqlSession session;
    private final String keyspace;

    private CassandraStore(CqlSession session, String keyspace) {
        this.session = session;
        this.keyspace = keyspace;
    }

    /**
     * Connects to {@code config.contactPoints()} and prepares the keyspace and tables.
     *
     * @param schemaWindow how long the driver waits for more schema changes before refreshing its metadata
     *                     (1 s by default; tests use 10 ms, which makes each DDL statement ten times faster)
     */
    public static Future<CassandraStore> open(Vertx vertx, StorageConfig config, Duration schemaWindow) {
        Objects.requireNonNull(config, "config");
        if (config.contactPoints().isEmpty()) throw new IllegalArgumentException("no contact points");
        return vertx.executeBlocking(() -> connect(config, schemaWindow), false);
    }

    private static CassandraStore connect(StorageConfig config, Duration schemaWindow) throws IOException {
        ProgrammaticDriverConfigLoaderBuilder driver = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, config.requestTimeout())
                // Quorum in the local data centre: a read sees every acknowledged write (one node: the node).
                .withString(DefaultDriverOption.REQUEST_CONSISTENCY, "LOCAL_QUORUM")
                // The keyspace is chosen once with USE, before any other query (it may not exist before start-up).
                .withBoolean(DefaultDriverOption.REQUEST_WARN_IF_SET_KEYSPACE, false)
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, schemaWindow)
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, config.requestTimeout())
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, config.requestTimeout());
        if (config.tls()) {
            driver.withClass(DefaultDriverOption.SSL_ENGINE_FACTORY_CLASS, DefaultSslEngineFactory.class)
                    .withBoolean(DefaultDriverOption.SSL_HOSTNAME_VALIDATION, config.tlsHostnameValidation());
            if (!config.truststorePath().isEmpty()) {
                driver.withString(DefaultDriverOption.SSL_TRUSTSTORE_PATH, config.truststorePath())
                        .withString(DefaultDriverOption.SSL_TRUSTSTORE_PASSWORD, config.truststorePassword());
            }
        }
        List<InetSocketAddress> points = new ArrayList<>();
        for (InetSocketAddress p : config.contactPoints()) points.add(new InetSocketAddress(p.getHostString(), p.getPort()));
        CqlSessionBuilder builder = CqlSession.builder()
                .withConfigLoader(driver.build())
                .addContactPoints(points)
                .withLocalDatacenter(config.localDatacenter());
        if (!config.username().isEmpty()) builder.withAuthCredentials(config.username(), config.password());
        CqlSession session = builder.build();
        try {
            session.execute("CREATE KEYSPACE IF NOT EXISTS " + config.keyspace() + " WITH replication = "
                    + config.replication());
            session.execute("USE " + config.keyspace());
            for (String ddl : schemaStatements()) session.execute(ddl);
            log.info("cassandra: keyspace {} ready at {}", config.keyspace(), config.contactPoints());
            return new CassandraStore(session, config.keyspace());
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** The statements of {@code cql/schema.cql}: comments dropped, split at semicolons that end a line. */
    public static List<String> schemaStatements() throws IOException {
        String text;
        try (InputStream in = CassandraStore.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) throw new IOException(SCHEMA + " is missing from the classpath");
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
        if (current.length() > 0) throw new IOException(SCHEMA + " ends without a semicolon");
        return out;
    }

    public String keyspace() {
        return keyspace;
    }

    /** Prepares a statement. Blocking: call it only at start-up, on a worker thread. */
    public PreparedStatement prepare(String cql) {
        return session.prepare(cql);
    }

    public Future<AsyncResultSet> execute(Statement<?> statement) {
        return ContextFutures.onCurrentContext(session.executeAsync(statement));
    }

    /** The first row, or null. */
    public Future<Row> one(Statement<?> statement) {
        return execute(statement).map(AsyncResultSet::one);
    }

    /** Every row of every page. */
    public Future<List<Row>> all(Statement<?> statement) {
        return execute(statement).compose(rs -> collect(rs, new ArrayList<>()));
    }

    /** Executes a lightweight transaction ({@code IF ...}); true when it was applied. */
    public Future<Boolean> applied(Statement<?> statement) {
        return execute(statement).map(AsyncResultSet::wasApplied);
    }

    /** Executes statements concurrently; succeeds when all did. */
    public Future<Void> executeAll(List<? extends Statement<?>> statements) {
        List<Future<AsyncResultSet>> futures = new ArrayList<>();
        for (Statement<?> s : statements) futures.add(execute(s));
        return Future.all(futures).mapEmpty();
    }

    private Future<List<Row>> collect(AsyncResultSet rs, List<Row> into) {
        for (Row r : rs.currentPage()) into.add(r);
        if (!rs.hasMorePages()) return Future.succeededFuture(into);
        return ContextFutures.onCurrentContext(rs.fetchNextPage()).compose(next -> collect(next, into));
    }


    /** The driver session, for tests (TRUNCATE between tests). */
    public CqlSession session() {
        return session;
    }

    @Override
    public void close() {
        session.close();
    }
}
