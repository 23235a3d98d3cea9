package sabaq.signalling.token;

import sabaq.signalling.protocol.ErrorCode;

import java.util.Objects;

/**
 * The outcome of verifying a join token: the claims, or the error code ({@code TOKEN_INVALID} or
 * {@code TOKEN_EXPIRED}) and a reason for the log. The reason is not sent to clients.
 */
public final class TokenCheck {
    private final JoinClaims claims;
    private final ErrorCode error;
    private final String reason;

    private TokenCheck(JoinClaims claims, ErrorCode error, String reason) {
        this.claims = claims;
        this.error = error;
        this.reason = reason;
    }

    static TokenCheck valid(JoinClaims claims) {
        return new TokenCheck(Objects.requireNonNull(claims), null, null);
    }

    static TokenCheck invalid(String reason) {
        return new TokenCheck(null, ErrorCode.TOKEN_INVALID, reason);
    }

    static TokenCheck expired() {
        return new TokenCheck(null, ErrorCode.TOKEN_EXPIRED, "expired");
    }

    public boolean isValid() {
        return claims != null;
    }

    /** The claims; only for a valid token. */
    public JoinClaims claims() {
        if (claims == null) throw new IllegalStateException("token not valid: " + reason);
        return claims;
    }

    /** TOKEN_INVALID or TOKEN_EXPIRED; null for a valid token. */
    public ErrorCode error() {
        return error;
    }

    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return isValid() ? "TokenCheck[valid " + claims + "]" : "TokenCheck[" + error + ": " + reason + "]";
    }
}
