package sabaq.recorder.footprint;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import sabaq.common.cassandra.CassandraExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/** The footprint store on the shared forked Cassandra of the test JVM (one keyspace, truncated between tests). */
final class TestCassandra {
    static final String KEYSPACE = "footprint_test";
    private static final List<String> TABLES = List.of("footprint_by_lesson", "footprint_by_person_day",
            "footprint_sessions_by_group", "footprint_sessions_by_programme", "curriculum_programmes", "curriculum_disciplines",
            "attendance_by_group_month");
    private static CqlSession session;
    private static CassandraFootprintStore store;

    private TestCassandra() {
    }

    /** A session on {@code point} with the keyspace created and in use; 10 ms schema window, 20 s requests. */
    static CqlSession connect(InetSocketAddress point, Duration requestTimeout) {
        CqlSession s = CqlSession.builder()
                .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                        .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(10))
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, requestTimeout)
                        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(20))
                        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(20))
                        .withString(DefaultDriverOption.REQUEST_CONSISTENCY, "LOCAL_QUORUM")
                        .withBoolean(DefaultDriverOption.REQUEST_WARN_IF_SET_KEYSPACE, false)
                        // Reconnect quickly after the outage test restarts the server.
                        .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(100))
                        .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(1))
                        .build())
                .addContactPoint(point)
                .withLocalDatacenter("datacenter1")
                .build();
        s.execute("CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        s.execute("USE " + KEYSPACE);
        return s;
    }

    static synchronized CassandraFootprintStore store() {
        if (store == null) {
            session = connect(CassandraExtension.server().contactPoint(), Duration.ofSeconds(20));
            try {
                store = CassandraFootprintStore.open(session);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            CassandraExtension.beforeStop(TestCassandra::closeSession);
        }
        return store;
    }

    static synchronized void truncateAll() {
        CqlSession s = store().session();
        for (String t : TABLES) s.execute("TRUNCATE " + t);
    }

    private static synchronized void closeSession() {
        if (session != null) session.close();
        session = null;
        store = null;
    }
}
