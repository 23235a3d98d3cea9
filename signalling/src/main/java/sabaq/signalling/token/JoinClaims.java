package sabaq.signalling.token;

import sabaq.signalling.lesson.Role;

import java.util.Objects;

/**
 * The verified claims of a join token: lesson id ({@code lsn}), role, {@code iat}/{@code exp} (epoch seconds),
 * {@code jti}, and for a personal token the account id ({@code sub}) and the account's display name ({@code name}).
 * A token without {@code sub} is a guest link.
 */
public record JoinClaims(String lessonId, Role role, long issuedAt, long expiresAt, String tokenId, String userId,
                         String displayName) {
    public JoinClaims {
        Objects.requireNonNull(lessonId, "lessonId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(tokenId, "tokenId");
        if ((userId == null) != (displayName == null)) throw new IllegalArgumentException("sub and name come together");
    }

    /** A guest link's claims. */
    public JoinClaims(String lessonId, Role role, long issuedAt, long expiresAt, String tokenId) {
        this(lessonId, role, issuedAt, expiresAt, tokenId, null, null);
    }

    public boolean isPersonal() {
        return userId != null;
    }
}
