package sabaq.signalling.auth;

import io.vertx.core.Future;

import java.time.Duration;
import java.util.UUID;

/** Sign-in sessions (refresh token families) and their refresh tokens. */
public interface SessionRepository {
    Future<Void> createFamily(UUID familyId, UUID userId, long now, Duration ttl);

    /** True when the session was revoked or is unknown. */
    Future<Boolean> familyRevoked(UUID familyId);

    Future<Void> revokeFamily(UUID familyId);

    /** Ends every session of the account (password change, account disabled). */
    Future<Void> revokeAll(UUID userId);

    Future<Void> saveToken(RefreshToken token, Duration ttl);

    /** Null when unknown or expired. */
    Future<RefreshToken> token(byte[] hash);

    /** Marks the token used; false when it was used already (exactly one caller wins). */
    Future<Boolean> markUsed(byte[] hash);
}
