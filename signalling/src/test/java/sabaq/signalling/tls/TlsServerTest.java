package sabaq.signalling.tls;

import com.typesafe.config.ConfigException;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import sabaq.common.time.FakeTimeSource;
import sabaq.signalling.testing.SignallingFixture;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTPS and WSS over real TLS: the JDK HttpClient and WebSocket trust only the certificate the server serves (the
 * generated self-signed one, a configured PEM pair or a PKCS#12 keystore) and check the host name against it.
 */
@ExtendWith(VertxExtension.class)
class TlsServerTest {
    @TempDir
    Path dir;

    private static HttpClient trusting(X509Certificate cert) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("sabaq", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static X509Certificate storedCertificate(Path dataDir) throws Exception {
        String pem = Files.readString(dataDir.resolve("tls").resolve(SelfSignedCertificate.CERT_FILE), StandardCharsets.US_ASCII);
        return PemText.readCertificates(pem).get(0);
    }

    @Test
    void theEmbeddedDefaultServesHttpsAndWssWithTheGeneratedCertificate(Vertx vertx) throws Exception {
        SignallingFixture f = SignallingFixture.start(vertx, "tls.enabled = true, tls.port = 0, data-dir = \"" + dir + "\"");
        try {
            int https = f.server.tlsPort();
            assertTrue(https > 0 && https != f.port());
            X509Certificate cert = storedCertificate(dir);
            assertEquals(PemText.fingerprintSha256(cert), f.server.tls().fingerprintSha256(), "serves the stored certificate");
            HttpClient client = trusting(cert);

            HttpResponse<String> health = get(client, "https://127.0.0.1:" + https + "/healthz");
            assertEquals(200, health.statusCode());
            assertEquals("TLSv1.3", health.sslSession().orElseThrow().getProtocol());
            assertEquals(cert, health.sslSession().orElseThrow().getPeerCertificates()[0]);

            HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + https + "/api/lessons"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Информатика\",\"teacherName\":\"Данияр\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
            JsonObject lesson = new JsonObject(created.body());
            assertTrue(lesson.getString("studentUrl").startsWith("https://localhost:" + https + "/lesson.html#token="),
                    "links follow the scheme the lesson was created over: " + lesson.getString("studentUrl"));

            JsonObject joined = joinOverWss(client, https, lesson.getString("studentToken"));
            assertEquals("joined", joined.getString("type"));
            assertEquals("student", joined.getString("role"));

            assertEquals(200, f.request(io.vertx.core.http.HttpMethod.GET, "/healthz", null).status(), "plain HTTP still serves");

            ExecutionException untrusted = assertThrows(ExecutionException.class, () -> HttpClient.newHttpClient()
                    .sendAsync(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + https + "/healthz")).build(),
                            HttpResponse.BodyHandlers.ofString()).get(10, TimeUnit.SECONDS));
            assertInstanceOf(SSLHandshakeException.class, untrusted.getCause(), "a client that does not trust it refuses");
        } finally {
            f.stop();
        }
    }

    /** Joins over wss:// with the JDK WebSocket client and returns the first message. */
    private static JsonObject joinOverWss(HttpClient client, int port, String token) throws Exception {
        CompletableFuture<String> first = new CompletableFuture<>();
        StringBuilder partial = new StringBuilder();
        WebSocket ws = client.newWebSocketBuilder().buildAsync(URI.create("wss://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) first.complete(partial.toString());
                webSocket.request(1);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                first.completeExceptionally(error);
            }
        }).get(10, TimeUnit.SECONDS);
        try {
            ws.sendText(new JsonObject().put("type", "join").put("token", token).put("name", "Мадина").encode(), true)
                    .get(10, TimeUnit.SECONDS);
            return new JsonObject(first.get(10, TimeUnit.SECONDS));
        } finally {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void redirectModeSendsPlainRequestsToHttpsButAnswersHealthChecks(Vertx vertx) throws Exception {
        // Two event loops: both instances share the HTTP and the HTTPS socket (each its own random port).
        SignallingFixture f = SignallingFixture.start(vertx,
                "tls.enabled = true, tls.port = 0, tls.plain-http = redirect, event-loops = 2, data-dir = \"" + dir + "\"");
        try {
            HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> r = get(plain, "http://127.0.0.1:" + f.port() + "/lesson.html?lang=ru#ignored");
            assertEquals(308, r.statusCode());
            assertEquals("https://127.0.0.1:" + f.server.tlsPort() + "/lesson.html?lang=ru", r.headers().firstValue("Location").orElseThrow());
            assertEquals(200, get(plain, "http://127.0.0.1:" + f.port() + "/healthz").statusCode());
            assertEquals(200, get(plain, "http://127.0.0.1:" + f.port() + "/readyz").statusCode());
            HttpResponse<String> followed = get(trusting(storedCertificate(dir)), "https://127.0.0.1:" + f.server.tlsPort() + "/lesson.html");
            assertEquals(200, followed.statusCode());
        } finally {
            f.stop();
        }
    }

    @Test
    void plainHttpCanBeOff(Vertx vertx) throws Exception {
        SignallingFixture f = SignallingFixture.start(vertx, "tls.enabled = true, tls.port = 0, tls.plain-http = off, data-dir = \"" + dir + "\"");
        try {
            assertEquals(-1, f.server.port());
            assertEquals(200, get(trusting(storedCertificate(dir)), "https://127.0.0.1:" + f.server.tlsPort() + "/healthz").statusCode());
        } finally {
            f.stop();
        }
    }

    @Test
    void aConfiguredPemCertificateIsServed(Vertx vertx) throws Exception {
        SelfSignedCertificate own = SelfSignedCertificate.generate(List.of("127.0.0.1"), Duration.ofDays(10), new FakeTimeSource());
        Path cert = Files.writeString(dir.resolve("chain.pem"), own.certificatePem());
        Path key = Files.writeString(dir.resolve("key.pem"), own.privateKeyPem());
        SignallingFixture f = SignallingFixture.start(vertx, "tls.enabled = true, tls.port = 0, data-dir = \"" + dir.resolve("data")
                + "\", tls.certificate = \"" + cert + "\", tls.private-key = \"" + key + "\"");
        try {
            assertEquals(PemText.fingerprintSha256(own.certificate()), f.server.tls().fingerprintSha256());
            HttpResponse<String> r = get(trusting(own.certificate()), "https://127.0.0.1:" + f.server.tlsPort() + "/healthz");
            assertEquals(200, r.statusCode());
            assertTrue(Files.notExists(dir.resolve("data").resolve("tls")), "no self-signed certificate is made");
        } finally {
            f.stop();
        }
    }

    @Test
    void aConfiguredPkcs12KeystoreIsServedAndAWrongPasswordNamesTheKey(Vertx vertx) throws Exception {
        SelfSignedCertificate own = SelfSignedCertificate.generate(List.of("127.0.0.1"), Duration.ofDays(10), new FakeTimeSource());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("sabaq", PemText.readPkcs8(own.privateKeyPem(), "EC"), "changeit".toCharArray(),
                new Certificate[] {own.certificate()});
        Path p12 = dir.resolve("server.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            ks.store(out, "changeit".toCharArray());
        }
        String base = "tls.enabled = true, tls.port = 0, data-dir = \"" + dir + "\", tls.keystore = \"" + p12 + "\", ";
        SignallingFixture f = SignallingFixture.start(vertx, base + "tls.keystore-password = changeit");
        try {
            assertEquals(200, get(trusting(own.certificate()), "https://127.0.0.1:" + f.server.tlsPort() + "/healthz").statusCode());
        } finally {
            f.stop();
        }
        ConfigException e = assertThrows(ConfigException.class,
                () -> SignallingFixture.start(vertx, base + "tls.keystore-password = wrong"));
        assertTrue(e.getMessage().contains("sabaq.signalling.tls.keystore"), e.getMessage());
    }

    @Test
    void aBrokenPemCertificateNamesTheKey(Vertx vertx) throws IOException {
        Path cert = Files.writeString(dir.resolve("chain.pem"), "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n");
        Path key = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        ConfigException e = assertThrows(ConfigException.class, () -> SignallingFixture.start(vertx,
                "tls.enabled = true, tls.port = 0, tls.certificate = \"" + cert + "\", tls.private-key = \"" + key + "\""));
        assertTrue(e.getMessage().contains("sabaq.signalling.tls.certificate"), e.getMessage());
    }
}
