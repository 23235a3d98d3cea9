package sabaq.signalling.store;

import org.junit.jupiter.api.extension.ExtendWith;
import sabaq.common.cassandra.CassandraExtension;
import sabaq.signalling.testing.TestCassandra;

/** The store contract against the real forked Cassandra (TRUNCATE before each test). */
@ExtendWith(CassandraExtension.class)
class CassandraRepositoriesTest extends RepositoriesContract {
    @Override
    protected Repositories fresh() {
        TestCassandra.truncateAll();
        return TestCassandra.repositories();
    }
}
