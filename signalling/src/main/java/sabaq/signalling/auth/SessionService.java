package sabaq.signalling.auth;

import io.vertx.core.Future;
import sabaq.common.time.TimeSource;
import sabaq.signalling.account.Account;
import sabaq.signalling.account.Organisation;
import sabaq.signalling.audit.Actor;
import sabaq.signalling.audit.Auditor;
import sabaq.signalling.audit.FailedAccessKind;
import sabaq.signalling.http.ApiException;
import sabaq.signalling.store.Repositories;
import sabaq.signalling.token.Base64Url;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * Browser sessions. Signing in creates a session (a refresh token family) and issues a short-lived access token plus
 * an opaque refresh token (256 random bits; only its SHA-256 is stored). Refreshing rotates the refresh token: the
 * old one is marked used in the same step, and presenting a used token again revokes the whole session (it was
 * copied). A session lives {@code refresh-ttl} from sign-in at most. Every request's access token is checked against
 * the stored session and account, so signing out, a revoked session or a disabled account take effect at once.
 */
public final class SessionService {
    private final Repositories repos;
    private final SessionTokens tokens;
    private final Auditor auditor;
    private final TimeSource time;
    private final Duration refreshTtl;
    private final SecureRandom random;

    public SessionService(Repositories repos, SessionTokens tokens, Auditor auditor, TimeSource time, Duration refreshTtl,
                          SecureRandom random) {
        this.repos = Objects.requireNonNull(repos, "repos");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.time = Objects.requireNonNull(time, "time");
        this.refreshTtl = Objects.requireNonNull(refreshTtl, "refreshTtl");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The two tokens of a session and its id. */
    public record Issued(String accessToken, String refreshToken, UUID sessionId) {
    }

    public SessionTokens tokens() {
        return tokens;
    }

    public Duration refreshTtl() {
        return refreshTtl;
    }

    /** Creates a session for the account. */
    public Future<Issued> start(UUID userId) {
        UUID family = UUID.randomUUID();
        long now = time.epochMillis();
        return repos.sessions().createFamily(family, userId, now, refreshTtl)
                .compose(v -> issue(userId, family, now + refreshTtl.toMillis()));
    }

    private Future<Issued> issue(UUID userId, UUID family, long expiresAt) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String refresh = Base64Url.encode(raw);
        Duration left = Duration.ofMillis(Math.max(1000, expiresAt - time.epochMillis()));
        return repos.sessions().saveToken(new RefreshToken(sha256(refresh), userId, family, expiresAt, false), left)
                .map(v -> new Issued(tokens.issueAccess(userId, family), refresh, family));
    }

    /** Exchanges a refresh token for new tokens; 401 UNAUTHENTICATED when it cannot be used. */
    public Future<Issued> refresh(String refreshToken, Actor from) {
        if (refreshToken == null || Base64Url.decode(refreshToken) == null || refreshToken.length() != 43) {
            return Future.failedFuture(ApiException.unauthenticated());
        }
        byte[] hash = sha256(refreshToken);
        return repos.sessions().token(hash).compose(t -> {
            if (t == null || t.expiresAt() <= time.epochMillis()) return Future.failedFuture(ApiException.unauthenticated());
            return repos.sessions().markUsed(hash).compose(first -> {
                if (!first) {
                    return repos.sessions().revokeFamily(t.familyId())
                            .compose(v -> auditor.failed(Organisation.PLATFORM, FailedAccessKind.REFRESH_REUSE, null,
                                    t.userId(), from, "session " + t.familyId() + " revoked"))
                            .compose(v -> Future.failedFuture(ApiException.unauthenticated()));
                }
                return Future.all(repos.sessions().familyRevoked(t.familyId()), repos.accounts().byId(t.userId()))
                        .compose(cf -> {
                            boolean revoked = cf.resultAt(0);
                            Account a = cf.resultAt(1);
                            if (revoked || a == null || !a.isActive()) return Future.failedFuture(ApiException.unauthenticated());
                            return issue(t.userId(), t.familyId(), t.expiresAt());
                        });
            });
        });
    }

    /** Ends the session of this refresh token (sign-out); unknown tokens are ignored. */
    public Future<Void> endByRefreshToken(String refreshToken) {
        if (refreshToken == null || Base64Url.decode(refreshToken) == null) return Future.succeededFuture();
        return repos.sessions().token(sha256(refreshToken))
                .compose(t -> t == null ? Future.succeededFuture() : repos.sessions().revokeFamily(t.familyId()));
    }

    public Future<Void> end(UUID sessionId) {
        return repos.sessions().revokeFamily(sessionId);
    }

    /** Ends every session of the account. */
    public Future<Void> endAll(UUID userId) {
        return repos.sessions().revokeAll(userId);
    }

    /** The outcome of reading an access token. */
    public record Lookup(Principal principal, boolean expired) {
        static final Lookup NONE = new Lookup(null, false);
    }

    /**
     * The signed-in person of an access token: none when absent, expired ({@code expired} set), forged (logged as
     * failed access), of a revoked session, or of a missing or disabled account.
     */
    public Future<Lookup> principal(String accessToken, Actor from) {
        if (accessToken == null || accessToken.isEmpty()) return Future.succeededFuture(Lookup.NONE);
        SessionTokens.Checked<SessionTokens.Access> c = tokens.verifyAccess(accessToken);
        if (c.expired()) return Future.succeededFuture(new Lookup(null, true));
        if (!c.ok()) {
            return auditor.failed(Organisation.PLATFORM, FailedAccessKind.FORGED_TOKEN, null, null, from,
                    "access token: " + c.reason()).map(Lookup.NONE);
        }
        SessionTokens.Access a = c.value();
        return Future.all(repos.accounts().byId(a.userId()), repos.roles().assignments(a.userId()),
                repos.sessions().familyRevoked(a.sessionId())).map(cf -> {
                    Account account = cf.resultAt(0);
                    boolean revoked = cf.resultAt(2);
                    if (account == null || !account.isActive() || revoked) return Lookup.NONE;
                    return new Lookup(new Principal(account, cf.resultAt(1), a.sessionId()), false);
                });
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
