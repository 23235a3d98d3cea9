package sabaq.signalling.auth.oidc;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.time.TimeSource;
import sabaq.signalling.account.Account;
import sabaq.signalling.account.Organisation;
import sabaq.signalling.audit.AccountChanges;
import sabaq.signalling.audit.Actor;
import sabaq.signalling.audit.Auditor;
import sabaq.signalling.audit.FailedAccessKind;
import sabaq.signalling.http.ApiException;
import sabaq.signalling.store.Repositories;
import sabaq.signalling.token.Base64Url;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Single sign-on with OpenID Connect (Core 1.0, authorization code flow, section 3.1) and PKCE (RFC 7636, S256).
 * {@link #start} stores a pending login under a random {@code state} (with a random {@code nonce}, the PKCE verifier
 * and the hash of a browser-binding cookie) and gives the provider's authorization URL; {@link #callback} takes the
 * pending login once, checks the binding cookie, exchanges the code, verifies the ID token ({@link IdTokenVerifier})
 * and finds the account: linked by (issuer, subject), or, where the provider is configured to, the one account of its
 * organisation with the verified e-mail address, which is then linked (audited). Accounts are never created here.
 */
public final class OidcLogin {
    private static final Logger log = LoggerFactory.getLogger(OidcLogin.class);
    /** How long a login may take at the provider. */
    public static final Duration PENDING_TTL = Duration.ofMinutes(10);

    private final List<OidcProviderConfig> providers;
    private final OidcProviders http;
    private final Repositories repos;
    private final Auditor auditor;
    private final TimeSource time;
    private final SecureRandom random;

    public OidcLogin(Vertx vertx, List<OidcProviderConfig> providers, Repositories repos, Auditor auditor, TimeSource time,
                     SecureRandom random) {
        this.providers = List.copyOf(providers);
        this.http = new OidcProviders(vertx, time);
        this.repos = Objects.requireNonNull(repos, "repos");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.time = Objects.requireNonNull(time, "time");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The redirect URI registered at providers: {@code <base>/api/auth/oidc/<id>/callback}. */
    public static String redirectUri(String baseUrl, String providerId) {
        return baseUrl + "/api/auth/oidc/" + providerId + "/callback";
    }

    public OidcProviderConfig provider(String id) {
        for (OidcProviderConfig p : providers) if (p.id().equals(id)) return p;
        throw new ApiException(404, "OIDC_UNKNOWN_PROVIDER", "no such identity provider");
    }

    /** A new random value for the browser-binding cookie. */
    public String newBinding() {
        return random(32);
    }

    /** Begins a login: the URL of the provider's authorization endpoint to send the browser to. */
    public Future<String> start(String providerId, String baseUrl, String returnTo, String binding) {
        OidcProviderConfig p;
        try {
            p = provider(providerId);
        } catch (ApiException e) {
            return Future.failedFuture(e);
        }
        String state = random(24);
        String nonce = random(24);
        String verifier = Pkce.verifier(random);
        return http.metadata(p).compose(m -> repos.pendingLogins().put(state, new PendingLogin(p.id(), nonce, verifier,
                sha256(binding), returnTo), PENDING_TTL).map(v -> m.authorizationEndpoint()
                + (m.authorizationEndpoint().contains("?") ? "&" : "?")
                + "response_type=code"
                + "&client_id=" + enc(p.clientId())
                + "&redirect_uri=" + enc(redirectUri(baseUrl, p.id()))
                + "&scope=" + enc(String.join(" ", p.scopes()))
                + "&state=" + enc(state)
                + "&nonce=" + enc(nonce)
                + "&code_challenge=" + enc(Pkce.challenge(verifier))
                + "&code_challenge_method=S256"));
    }

    /** The signed-in account and the page to return to. */
    public record Success(Account account, String returnTo) {
    }

    /** Completes a login from the provider's answer; failures are logged as failed access and answered 401/403. */
    public Future<Success> callback(String providerId, String baseUrl, String code, String state, String binding, Actor from) {
        OidcProviderConfig p;
        try {
            p = provider(providerId);
        } catch (ApiException e) {
            return Future.failedFuture(e);
        }
        if (code == null || state == null || binding == null) return fail(p, from, "missing code, state or binding cookie");
        return repos.pendingLogins().take(state).compose(pending -> {
            if (pending == null || !pending.provider().equals(p.id())) return fail(p, from, "unknown or used state");
            if (!MessageDigest.isEqual(pending.bindingHash(), sha256(binding))) return fail(p, from, "binding cookie mismatch");
            return http.metadata(p)
                    .compose(m -> http.exchange(p, m, code, redirectUri(baseUrl, p.id()), pending.verifier())
                            .compose(tokens -> {
                                String idToken = tokens.getValue("id_token") instanceof String ? tokens.getString("id_token") : null;
                                return http.keys(p, m, IdTokenVerifier.kid(idToken)).map(keys -> IdTokenVerifier.verify(idToken,
                                        keys, p.issuer(), p.clientId(), pending.nonce(), Math.floorDiv(time.epochMillis(), 1000L)));
                            }))
                    .recover(err -> Future.succeededFuture(new IdTokenVerifier.Result(null, err.getMessage())))
                    .compose(result -> result.ok() ? match(p, result, from).map(a -> new Success(a, pending.returnTo()))
                            : fail(p, from, "id token refused: " + result.reason()));
        });
    }

    private Future<Account> match(OidcProviderConfig p, IdTokenVerifier.Result r, Actor from) {
        String subject = r.claims().getString("sub");
        return repos.accounts().byOidc(p.issuer(), subject).compose(linked -> {
            if (linked != null) return active(p, linked, from);
            Object email = r.claims().getValue("email");
            if (!p.matchEmail() || !(email instanceof String) || !Boolean.TRUE.equals(r.claims().getValue("email_verified"))) {
                return noAccount(p, from, subject);
            }
            String address = ((String) email).trim().toLowerCase(java.util.Locale.ROOT);
            return repos.accounts().byEmail(p.orgId(), address).compose(found -> {
                if (found.size() != 1 || found.get(0).oidcIssuer() != null) return noAccount(p, from, subject);
                Account before = found.get(0);
                Account after = before.edit().oidc(p.issuer(), subject).at(time.epochMillis());
                return repos.accounts().update(before, after)
                        .compose(v -> auditor.record(from.as(after.id(), "self"), after.orgId(), "oidc.link", "user",
                                after.id().toString(), after.id(), AccountChanges.diff(before, after)))
                        .compose(v -> active(p, after, from));
            });
        });
    }

    private Future<Account> active(OidcProviderConfig p, Account a, Actor from) {
        if (a.isActive()) return Future.succeededFuture(a);
        return auditor.failed(a.orgId(), FailedAccessKind.DISABLED, a.login(), a.id(), from, "oidc " + p.id())
                .compose(v -> Future.failedFuture(new ApiException(403, "ACCOUNT_DISABLED", "this account is disabled")));
    }

    private <T> Future<T> noAccount(OidcProviderConfig p, Actor from, String subject) {
        return auditor.failed(p.orgId(), FailedAccessKind.OIDC_NO_ACCOUNT, null, null, from, p.id() + " subject " + subject)
                .compose(v -> Future.failedFuture(new ApiException(403, "OIDC_NO_ACCOUNT",
                        "no account is linked to this identity; ask your administrator")));
    }

    private <T> Future<T> fail(OidcProviderConfig p, Actor from, String reason) {
        log.info("oidc {}: {}", p.id(), reason);
        return auditor.failed(Organisation.PLATFORM, FailedAccessKind.OIDC_FAILED, null, null, from, p.id() + ": " + reason)
                .compose(v -> Future.failedFuture(new ApiException(401, "OIDC_FAILED", "the sign-in with the identity provider failed")));
    }

    private String random(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64Url.encode(b);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public Future<Void> close() {
        return http.close();
    }
}
