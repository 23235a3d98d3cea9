package sabaq.launcher;

import sabaq.common.cassandra.CassandraExtension;
import sabaq.common.cassandra.ForkedCassandra;

/** Storage settings for end-to-end tests: the test JVM's Cassandra ({@link CassandraExtension}), keyspace sabaq_e2e. */
public final class E2eStore {
    private E2eStore() {
    }

    /** HOCON pointing the stack at the test server instead of forking the embedded default. */
    public static String config() {
        ForkedCassandra c = CassandraExtension.server();
        return "sabaq.storage.cassandra { contact-points = [\"" + ForkedCassandra.HOST + ":" + c.nativePort()
                + "\"], keyspace = sabaq_e2e }\n";
    }
}
