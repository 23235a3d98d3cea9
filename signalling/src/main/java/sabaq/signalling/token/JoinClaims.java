package sabaq.signalling.token;

import sabaq.signalling.lesson.Role;

import java.util.Objects;

/** The verified claims of a join token: lesson id ({@code lsn}), role, {@code iat}/{@code exp} (epoch seconds), {@code jti}. */
public record JoinClaims(String lessonId, Role role, long issuedAt, long expiresAt, String tokenId) {
    public JoinClaims {
        Objects.requireNonNull(lessonId, "lessonId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(tokenId, "tokenId");
    }
}
