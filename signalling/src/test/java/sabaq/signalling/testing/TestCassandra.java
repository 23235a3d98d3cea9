package sabaq.signalling.testing;

import com.typesafe.config.ConfigFactory;
import io.vertx.core.Vertx;
import sabaq.common.cassandra.CassandraExtension;
import sabaq.common.cassandra.ForkedCassandra;
import sabaq.signalling.store.CassandraStore;
import sabaq.signalling.store.Repositories;
import sabaq.signalling.store.StorageConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The store of the test JVM: one keyspace ({@value #KEYSPACE}) on the {@link CassandraExtension} server, created once
 * (with the driver's schema debounce window at 10 ms) and emptied with TRUNCATE between tests. Test classes using it
 * need {@code @ExtendWith(CassandraExtension.class)}.
 */
public final class TestCassandra {
    public static final String KEYSPACE = "sabaq_test";
    private static final Pattern TABLE = Pattern.compile("CREATE TABLE IF NOT EXISTS (\\w+)");
    private static CassandraStore store;
    private static Repositories repositories;
    private static Vertx vertx;

    private TestCassandra() {
    }

    /** The storage settings pointing at the test server. */
    public static StorageConfig config() {
        ForkedCassandra server = CassandraExtension.server();
        return StorageConfig.from(ConfigFactory.parseString("sabaq.storage.cassandra.keyspace = " + KEYSPACE)
                        .withFallback(ConfigFactory.defaultReference()))
                .withContactPoints(List.of(server.contactPoint()));
    }

    public static synchronized CassandraStore store() {
        if (store == null) {
            vertx = Vertx.vertx();
            store = CassandraStore.open(vertx, config(), Duration.ofMillis(10)).await();
            repositories = Repositories.cassandra(vertx, store).await();
            CassandraExtension.beforeStop(TestCassandra::close);
        }
        return store;
    }

    public static synchronized Repositories repositories() {
        store();
        return repositories;
    }

    private static synchronized void close() {
        if (store == null) return;
        store.close();
        vertx.close();
        store = null;
        repositories = null;
    }

    /** Empties every table of the schema (TRUNCATE is tens of milliseconds, so only tables holding rows). */
    public static void truncateAll() {
        CassandraStore s = store();
        for (String table : tables()) {
            if (s.session().execute("SELECT * FROM " + table + " LIMIT 1").one() != null) {
                s.session().execute("TRUNCATE " + table);
            }
        }
    }

    private static List<String> tables() {
        List<String> out = new ArrayList<>();
        try {
            for (String ddl : CassandraStore.schemaStatements()) {
                Matcher m = TABLE.matcher(ddl);
                if (m.find()) out.add(m.group(1));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
