package sabaq.signalling.auth;

import java.util.Objects;
import java.util.UUID;

/**
 * A stored refresh token: only its SHA-256 is kept. Tokens rotated from one sign-in share a {@code familyId} (the
 * session id); {@code used} marks a token already exchanged, whose reuse means it was stolen (the family is revoked).
 */
public record RefreshToken(byte[] hash, UUID userId, UUID familyId, long expiresAt, boolean used) {
    public RefreshToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(familyId, "familyId");
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }
}
