package sabaq.signalling.testing;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * One "browser" of the HTTP API in tests: a JDK HTTP client with its own cookie jar, sending the CSRF header
 * ({@code X-Sabaq-Request: 1}) on state-changing requests like the web client does. Redirects are not followed.
 */
public final class ApiClient {
    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String userAgent = "SabaqTest/1.0";

    public ApiClient(int port) {
        this("http://127.0.0.1:" + port);
    }

    public ApiClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public ApiClient userAgent(String ua) {
        this.userAgent = ua;
        return this;
    }

    /** An answer: status, body and headers. */
    public record Response(int status, String body, HttpHeaders headers) {
        public JsonObject json() {
            try {
                return new JsonObject(body);
            } catch (RuntimeException e) {
                throw new AssertionError("HTTP " + status + " body is not a JSON object: " + body, e);
            }
        }

        /** The error code of an error answer. */
        public String code() {
            return json().getJsonObject("error").getString("code");
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + body;
        }
    }

    public Response get(String path) {
        return send("GET", path, null, null, true);
    }

    public Response post(String path, JsonObject body) {
        return send("POST", path, body == null ? null : body.encode(), "application/json", true);
    }

    public Response patch(String path, JsonObject body) {
        return send("PATCH", path, body.encode(), "application/json", true);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null, true);
    }

    public Response postCsv(String path, byte[] csv) {
        return send("POST", path, csv, "text/csv", true);
    }

    /** A request with full control over the body, its type and the CSRF header. */
    public Response send(String method, String path, Object body, String contentType, boolean csrfHeader, String... headers) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : body instanceof byte[] ? HttpRequest.BodyPublishers.ofByteArray((byte[]) body)
                : HttpRequest.BodyPublishers.ofString(body.toString());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path)).timeout(Duration.ofSeconds(30))
                .method(method, publisher).header("User-Agent", userAgent);
        if (contentType != null) b.header("Content-Type", contentType);
        if (csrfHeader && !method.equals("GET")) b.header("X-Sabaq-Request", "1");
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of a cookie this client holds, or null. */
    public String cookie(String name) {
        for (HttpCookie c : cookies.getCookieStore().getCookies()) if (c.getName().equals(name)) return c.getValue();
        return null;
    }

    /** Replaces (or sets) a cookie for every path, as a tampering client would. */
    public void setCookie(String name, String value, String path) {
        HttpCookie c = new HttpCookie(name, value);
        c.setPath(path);
        c.setVersion(0);
        URI uri = URI.create(base);
        for (HttpCookie old : List.copyOf(cookies.getCookieStore().getCookies())) {
            if (old.getName().equals(name)) cookies.getCookieStore().remove(uri, old);
        }
        cookies.getCookieStore().add(uri, c);
    }

    public void clearCookies() {
        cookies.getCookieStore().removeAll();
    }
}
