package sabaq.signalling.store;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.vertx.core.Future;
import sabaq.signalling.auth.oidc.PendingLogin;
import sabaq.signalling.auth.oidc.PendingLoginRepository;

import java.time.Duration;

/** OpenID Connect logins in progress; {@link #take} deletes with a lightweight transaction, so a state works once. */
final class CassandraPendingLoginRepository implements PendingLoginRepository {
    private final CassandraStore store;
    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final PreparedStatement delete;

    CassandraPendingLoginRepository(CassandraStore store) {
        this.store = store;
        insert = store.prepare("INSERT INTO oidc_pending (state, provider, nonce, verifier, binding, return_to)"
                + " VALUES (?, ?, ?, ?, ?, ?) IF NOT EXISTS USING TTL ?");
        select = store.prepare("SELECT provider, nonce, verifier, binding, return_to FROM oidc_pending WHERE state = ?");
        delete = store.prepare("DELETE FROM oidc_pending WHERE state = ? IF EXISTS");
    }

    @Override
    public Future<Void> put(String state, PendingLogin l, Duration ttl) {
        return store.applied(insert.bind(state, l.provider(), l.nonce(), l.verifier(), Rows.buffer(l.bindingHash()),
                l.returnTo(), Rows.ttlSeconds(ttl))).compose(ok -> ok ? Future.succeededFuture()
                : Future.failedFuture(new IllegalStateException("OIDC state collision")));
    }

    @Override
    public Future<PendingLogin> take(String state) {
        return store.one(select.bind(state)).compose(r -> {
            if (r == null) return Future.succeededFuture(null);
            PendingLogin login = new PendingLogin(r.getString("provider"), r.getString("nonce"), r.getString("verifier"),
                    Rows.bytes(r, "binding"), r.getString("return_to"));
            return store.applied(delete.bind(state)).map(won -> won ? login : null);
        });
    }
}
