package sabaq.signalling.store;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.vertx.core.Future;
import sabaq.signalling.auth.RefreshToken;
import sabaq.signalling.auth.SessionRepository;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Sessions (refresh token families) and refresh tokens in Cassandra; rows expire with the session (TTL). */
final class CassandraSessionRepository implements SessionRepository {
    private final CassandraStore store;
    private final PreparedStatement insertFamily;
    private final PreparedStatement insertFamilyByUser;
    private final PreparedStatement family;
    private final PreparedStatement revokeFamily;
    private final PreparedStatement familiesOfUser;
    private final PreparedStatement insertToken;
    private final PreparedStatement token;
    private final PreparedStatement markUsed;

    CassandraSessionRepository(CassandraStore store) {
        this.store = store;
        insertFamily = store.prepare("INSERT INTO refresh_families (family_id, user_id, revoked, created_at) VALUES (?, ?, false, ?)"
                + " USING TTL ?");
        insertFamilyByUser = store.prepare("INSERT INTO refresh_families_by_user (user_id, family_id) VALUES (?, ?) USING TTL ?");
        family = store.prepare("SELECT revoked FROM refresh_families WHERE family_id = ?");
        revokeFamily = store.prepare("UPDATE refresh_families SET revoked = true WHERE family_id = ? IF EXISTS");
        familiesOfUser = store.prepare("SELECT family_id FROM refresh_families_by_user WHERE user_id = ?");
        insertToken = store.prepare("INSERT INTO refresh_tokens (token_hash, user_id, family_id, expires_at, used)"
                + " VALUES (?, ?, ?, ?, false) USING TTL ?");
        token = store.prepare("SELECT token_hash, user_id, family_id, expires_at, used FROM refresh_tokens WHERE token_hash = ?");
        markUsed = store.prepare("UPDATE refresh_tokens SET used = true WHERE token_hash = ? IF used = false");
    }

    @Override
    public Future<Void> createFamily(UUID familyId, UUID userId, long now, Duration ttl) {
        int seconds = Rows.ttlSeconds(ttl);
        return store.executeAll(List.of(insertFamily.bind(familyId, userId, Rows.instant(now), seconds),
                insertFamilyByUser.bind(userId, familyId, seconds)));
    }

    @Override
    public Future<Boolean> familyRevoked(UUID familyId) {
        return store.one(family.bind(familyId)).map(r -> r == null || r.getBoolean("revoked"));
    }

    @Override
    public Future<Void> revokeFamily(UUID familyId) {
        return store.execute(revokeFamily.bind(familyId)).mapEmpty();
    }

    @Override
    public Future<Void> revokeAll(UUID userId) {
        return store.all(familiesOfUser.bind(userId)).compose(rows -> {
            List<BoundStatement> writes = new ArrayList<>();
            for (Row r : rows) writes.add(revokeFamily.bind(r.getUuid("family_id")));
            return store.executeAll(writes);
        });
    }

    @Override
    public Future<Void> saveToken(RefreshToken t, Duration ttl) {
        return store.execute(insertToken.bind(Rows.buffer(t.hash()), t.userId(), t.familyId(), Rows.instant(t.expiresAt()),
                Rows.ttlSeconds(ttl))).mapEmpty();
    }

    @Override
    public Future<RefreshToken> token(byte[] hash) {
        return store.one(token.bind(Rows.buffer(hash))).map(r -> r == null ? null : new RefreshToken(Rows.bytes(r, "token_hash"),
                r.getUuid("user_id"), r.getUuid("family_id"), Rows.millis(r, "expires_at"), r.getBoolean("used")));
    }

    @Override
    public Future<Boolean> markUsed(byte[] hash) {
        return store.applied(markUsed.bind(Rows.buffer(hash)));
    }
}
