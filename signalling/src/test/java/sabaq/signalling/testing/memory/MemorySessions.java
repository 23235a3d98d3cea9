package sabaq.signalling.testing.memory;

import io.vertx.core.Future;
import sabaq.signalling.auth.RefreshToken;
import sabaq.signalling.auth.SessionRepository;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** In-memory {@link SessionRepository} for unit tests (no expiry: tests check {@code expiresAt}). */
final class MemorySessions implements SessionRepository {
    private final Map<UUID, UUID> familyUser = new HashMap<>();
    private final Map<UUID, Boolean> revoked = new HashMap<>();
    private final Map<ByteBuffer, RefreshToken> tokens = new HashMap<>();

    @Override
    public synchronized Future<Void> createFamily(UUID familyId, UUID userId, long now, Duration ttl) {
        familyUser.put(familyId, userId);
        revoked.put(familyId, false);
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Boolean> familyRevoked(UUID familyId) {
        return Future.succeededFuture(revoked.getOrDefault(familyId, true));
    }

    @Override
    public synchronized Future<Void> revokeFamily(UUID familyId) {
        if (revoked.containsKey(familyId)) revoked.put(familyId, true);
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Void> revokeAll(UUID userId) {
        familyUser.forEach((family, user) -> {
            if (user.equals(userId)) revoked.put(family, true);
        });
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Void> saveToken(RefreshToken t, Duration ttl) {
        tokens.put(ByteBuffer.wrap(t.hash()), t);
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<RefreshToken> token(byte[] hash) {
        return Future.succeededFuture(tokens.get(ByteBuffer.wrap(hash)));
    }

    @Override
    public synchronized Future<Boolean> markUsed(byte[] hash) {
        RefreshToken t = tokens.get(ByteBuffer.wrap(hash));
        if (t == null || t.used()) return Future.succeededFuture(false);
        tokens.put(ByteBuffer.wrap(hash), new RefreshToken(t.hash(), t.userId(), t.familyId(), t.expiresAt(), true));
        return Future.succeededFuture(true);
    }
}
