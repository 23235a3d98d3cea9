package sabaq.signalling.store;

import sabaq.signalling.testing.memory.InMemoryRepositories;

/** The store contract against the in-memory fakes used by unit tests. */
class InMemoryRepositoriesTest extends RepositoriesContract {
    @Override
    protected Repositories fresh() {
        return InMemoryRepositories.create();
    }
}
