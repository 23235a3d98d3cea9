package sabaq.signalling.token;

/** A freshly signed join token and the claims it carries. */
public record IssuedToken(String token, JoinClaims claims) {
}
