package sabaq.signalling.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import sabaq.common.footprint.FootprintSink;
import sabaq.common.media.MediaStats;
import sabaq.common.recording.RecordingService;
import sabaq.common.time.FakeTimeSource;
import sabaq.signalling.SignallingConfig;
import sabaq.signalling.SignallingServer;
import sabaq.signalling.http.ExtraRoutes;
import sabaq.signalling.ops.OpsBindings;
import sabaq.signalling.auth.AuthConfig;
import sabaq.signalling.footprint.FootprintServices;
import sabaq.signalling.footprint.FootprintSettings;
import sabaq.signalling.store.Repositories;
import sabaq.signalling.testing.memory.InMemoryRepositories;
import sabaq.signalling.testing.memory.MemoryFootprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A real signalling server on a loopback port 0 with a {@link FakeMediaBackend} and a {@link FakeTimeSource}, plus
 * helpers to create lessons over HTTP and connect WebSocket clients.
 */
public final class SignallingFixture {
    public final Vertx vertx;
    public final FakeMediaBackend media = new FakeMediaBackend();
    public final FakeTimeSource time = new FakeTimeSource();
    /** The footprint the server records into and reports from. */
    public final MemoryFootprint footprint = new MemoryFootprint();
    public final SignallingConfig config;
    public final AuthConfig auth;
    public final Repositories repos;
    public final SignallingServer server;
    public final FootprintSettings footprintSettings;
    private final HttpClientAgent http;
    private final List<TestClient> clients = new ArrayList<>();

    private SignallingFixture(Vertx vertx, String overrides, Repositories repos,
                              Function<SignallingConfig, OpsBindings> ops) {
        this(vertx, overrides, repos, ops, null, FootprintSink.NONE, ExtraRoutes.NONE);
    }

    private SignallingFixture(Vertx vertx, String overrides, Repositories repos,
                              Function<SignallingConfig, OpsBindings> ops, RecordingService recorder,
                              FootprintSink extraSink, ExtraRoutes extra) {
        this.vertx = vertx;
        Config c = ConfigFactory.parseString("sabaq.signalling { port = 0\n"
                + "token-secret = \"test-secret-test-secret-test-secret-0123\"\n"
                + "tls.enabled = false\n"
                + "auth.password.argon2 { memory-kib = 64, iterations = 1, parallelism = 1 }\n"
                + "auth.initial-admin.login = \"\"\n" + overrides + "\n}")
                .withFallback(ConfigFactory.defaultReference()).resolve();
        this.config = SignallingConfig.from(c);
        this.auth = AuthConfig.from(c);
        this.repos = repos;
        this.footprintSettings = FootprintSettings.from(c);
        FootprintSink sink = extraSink == FootprintSink.NONE ? footprint : e -> {
            footprint.record(e);
            extraSink.record(e);
        };
        OpsBindings bindings = ops == null ? OpsBindings.defaults(config.ops(), MediaStats.NONE) : ops.apply(config);
        this.server = SignallingServer.start(vertx, config, auth, repos, media, time, bindings, recorder,
                new FootprintServices(sink, footprint, footprint), footprintSettings, extra).await();
        this.http = vertx.createHttpClient();
    }

    /**
     * Starts a server with in-memory stores; {@code overrides} is HOCON inside {@code sabaq.signalling { }}. Argon2
     * runs with tiny parameters and no initial administrator is created unless the overrides say otherwise.
     */
    public static SignallingFixture start(Vertx vertx, String overrides) {
        return new SignallingFixture(vertx, overrides, InMemoryRepositories.create(), null);
    }

    /** The same with the given stores (e.g. {@code TestCassandra.repositories()}). */
    public static SignallingFixture start(Vertx vertx, String overrides, Repositories repos) {
        return new SignallingFixture(vertx, overrides, repos, null);
    }

    /** The same with routes of another module mounted behind the accounts' guard (as the launcher mounts the studio's). */
    public static SignallingFixture start(Vertx vertx, String overrides, Repositories repos, ExtraRoutes extra) {
        return new SignallingFixture(vertx, overrides, repos, null, null, FootprintSink.NONE, extra);
    }

    /** Starts a server with operations bindings of the test's making (media figures, access, readiness checks). */
    public static SignallingFixture start(Vertx vertx, String overrides, Function<SignallingConfig, OpsBindings> ops) {
        return new SignallingFixture(vertx, overrides, InMemoryRepositories.create(), ops);
    }

    /**
     * Starts a server with in-memory stores whose lessons and recordings player hand their digital footprint also to
     * {@code footprint} (besides {@link #footprint}), listing the recordings of {@code recorder} (null: none).
     */
    public static SignallingFixture withFootprint(Vertx vertx, String overrides, RecordingService recorder,
                                                  FootprintSink footprint) {
        return new SignallingFixture(vertx, overrides, InMemoryRepositories.create(), null, recorder, footprint, ExtraRoutes.NONE);
    }

    public int port() {
        return server.port();
    }

    /** An HTTP answer: status, headers of interest and body. */
    public record Response(int status, String contentType, HttpClientResponse raw, Buffer body) {
        public JsonObject json() {
            try {
                return new JsonObject(body);
            } catch (RuntimeException e) {
                throw new AssertionError("HTTP " + status + " body is not a JSON object: " + body, e);
            }
        }
    }

    public Response request(HttpMethod method, String path, Buffer body) {
        return request(method, path, body, Map.of());
    }

    /** A request with extra headers (e.g. {@code Authorization}). */
    public Response request(HttpMethod method, String path, Buffer body, Map<String, String> headers) {
        return OnEventLoop.await(vertx, () -> http.request(method, port(), "127.0.0.1", path)
                .compose(req -> {
                    headers.forEach(req::putHeader);
                    return body == null ? req.send() : req.putHeader("Content-Type", "application/json").send(body);
                })
                .compose(resp -> resp.body().map(b -> new Response(resp.statusCode(), resp.getHeader("Content-Type"), resp, b))));
    }

    /** Creates a lesson over HTTP and returns the 201 answer. */
    public JsonObject createLesson(String title, String teacherName) {
        Response r = request(HttpMethod.POST, "/api/lessons",
                new JsonObject().put("title", title).put("teacherName", teacherName).toBuffer());
        assertEquals(201, r.status(), () -> r.body().toString());
        return r.json();
    }

    /** A connected (not yet joined) client, closed by {@link #closeClients()}. */
    public TestClient connect() {
        TestClient c = TestClient.connect(vertx, port());
        synchronized (clients) {
            clients.add(c);
        }
        return c;
    }

    /** A client joined with the given token. */
    public TestClient joined(String token, String name) {
        TestClient c = connect();
        c.join(token, name);
        return c;
    }

    public void closeClients() {
        synchronized (clients) {
            for (TestClient c : clients) c.close();
            clients.clear();
        }
    }

    public void stop() {
        closeClients();
        server.stop().await();
        http.close().await();
        media.close();
    }
}
