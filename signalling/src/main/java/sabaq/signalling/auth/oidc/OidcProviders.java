package sabaq.signalling.auth.oidc;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import sabaq.common.time.TimeSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Talks to identity providers over HTTP (Vert.x client, never blocking): their discovery documents and key sets,
 * cached for an hour (a key set is fetched again, at most once a minute, when a token names a key it lacks), and the
 * token endpoint (authorization code grant, RFC 6749 section 4.1.3, with the PKCE verifier; the client authenticates
 * with HTTP Basic when it has a secret, RFC 6749 section 2.3.1).
 */
final class OidcProviders {
    private static final long METADATA_TTL_MS = 3_600_000L;
    private static final long JWKS_MIN_REFETCH_MS = 60_000L;
    private static final int TIMEOUT_MS = 10_000;

    private final HttpClientAgent http;
    private final TimeSource time;
    private final Map<String, Cached<ProviderMetadata>> metadata = new ConcurrentHashMap<>();
    private final Map<String, Cached<JwkKeys>> jwks = new ConcurrentHashMap<>();

    private record Cached<T>(T value, long fetchedAt) {
    }

    OidcProviders(Vertx vertx, TimeSource time) {
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(TIMEOUT_MS).setMaxRedirects(0));
        this.time = time;
    }

    Future<ProviderMetadata> metadata(OidcProviderConfig p) {
        Cached<ProviderMetadata> c = metadata.get(p.id());
        if (c != null && time.monotonicMillis() - c.fetchedAt() < METADATA_TTL_MS) return Future.succeededFuture(c.value());
        return getJson(p.issuer() + "/.well-known/openid-configuration").compose(doc -> {
            ProviderMetadata m = ProviderMetadata.parse(doc, p.issuer());
            if (m == null) return Future.failedFuture("discovery document of " + p.issuer() + " is unusable");
            metadata.put(p.id(), new Cached<>(m, time.monotonicMillis()));
            return Future.succeededFuture(m);
        });
    }

    /** The provider's keys, fetched again when {@code kid} is missing from the cached set (rate limited). */
    Future<JwkKeys> keys(OidcProviderConfig p, ProviderMetadata m, String kid) {
        Cached<JwkKeys> c = jwks.get(p.id());
        long now = time.monotonicMillis();
        boolean fresh = c != null && now - c.fetchedAt() < METADATA_TTL_MS;
        boolean knowsKid = c != null && (kid == null || c.value().keys().stream().anyMatch(k -> kid.equals(k.kid())));
        if (fresh && (knowsKid || now - c.fetchedAt() < JWKS_MIN_REFETCH_MS)) return Future.succeededFuture(c.value());
        return getJson(m.jwksUri()).map(doc -> {
            JwkKeys keys = JwkKeys.parse(doc);
            jwks.put(p.id(), new Cached<>(keys, time.monotonicMillis()));
            return keys;
        });
    }

    /** Exchanges an authorization code; yields the token response (with {@code id_token}). */
    Future<JsonObject> exchange(OidcProviderConfig p, ProviderMetadata m, String code, String redirectUri, String verifier) {
        StringBuilder form = new StringBuilder("grant_type=authorization_code")
                .append("&code=").append(enc(code))
                .append("&redirect_uri=").append(enc(redirectUri))
                .append("&code_verifier=").append(enc(verifier));
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", "application/x-www-form-urlencoded")
                .add("Accept", "application/json");
        if (p.clientSecret().isEmpty()) {
            form.append("&client_id=").append(enc(p.clientId()));
        } else {
            String basic = Base64.getEncoder().encodeToString((enc(p.clientId()) + ":" + enc(p.clientSecret()))
                    .getBytes(StandardCharsets.UTF_8));
            headers.add("Authorization", "Basic " + basic);
        }
        return send(new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(m.tokenEndpoint()).setHeaders(headers),
                Buffer.buffer(form.toString()));
    }

    private Future<JsonObject> getJson(String url) {
        return send(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                .setHeaders(MultiMap.caseInsensitiveMultiMap().add("Accept", "application/json")), null);
    }

    private Future<JsonObject> send(RequestOptions options, Buffer body) {
        options.setTimeout(TIMEOUT_MS).setFollowRedirects(false);
        return http.request(options)
                .compose(req -> body == null ? req.send() : req.send(body))
                .compose(resp -> resp.body().compose(b -> {
                    if (resp.statusCode() != 200) {
                        return Future.failedFuture(options.getURI() + " answered " + resp.statusCode());
                    }
                    try {
                        return Future.succeededFuture(new JsonObject(b));
                    } catch (RuntimeException e) {
                        return Future.failedFuture(options.getURI() + " did not answer a JSON object");
                    }
                }));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    Future<Void> close() {
        return http.close();
    }
}
