package sabaq.signalling.testing.memory;

import sabaq.signalling.store.Repositories;

/** Fresh in-memory fakes of every store, for unit tests without Cassandra ({@code RepositoriesContract} checks them). */
public final class InMemoryRepositories {
    private InMemoryRepositories() {
    }

    public static Repositories create() {
        return new Repositories(new MemoryAccounts(), new MemoryDirectory(), new MemoryRoles(), new MemoryGroupLessons(),
                new MemorySessions(), new MemoryThrottle(), new MemoryPendingLogins(), new MemoryAuditLog(),
                new MemoryFailedAccessLog());
    }
}
