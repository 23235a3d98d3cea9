package sabaq.launcher;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.cassandra.ForkedCassandra;
import sabaq.common.time.TimeSource;
import sabaq.media.server.MediaServer;
import sabaq.media.server.MediaServerConfig;
import sabaq.recorder.service.RecorderConfig;
import sabaq.studio.config.StudioConfig;
import sabaq.signalling.SignallingConfig;
import sabaq.signalling.SignallingServer;
import sabaq.signalling.ops.NetworkOpsAccess;
import sabaq.signalling.ops.OpsBindings;
import sabaq.signalling.store.CassandraReadinessCheck;
import sabaq.signalling.tls.TlsMaterial;
import sabaq.signalling.account.InitialAdministrator;
import sabaq.signalling.auth.AuthConfig;
import sabaq.signalling.footprint.FootprintSettings;
import sabaq.signalling.store.CassandraStore;
import sabaq.signalling.store.Repositories;
import sabaq.signalling.store.StorageConfig;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs Sabaq in one process with embedded defaults: the SFU (media-server) and signalling (HTTP, WebSocket, web
 * client), plus a Cassandra server forked as a child process when no cluster is configured. Configuration: every
 * module's reference.conf, overridden by {@code -Dconfig.file=...} or system properties; invalid values stop the
 * start with the key named.
 */
public final class SabaqMain {
    private static final Logger LOG = LoggerFactory.getLogger(SabaqMain.class);

    private SabaqMain() {
    }

    public static void main(String[] args) throws Exception {
        Config config;
        SabaqStack stack;
        try {
            config = ConfigFactory.load();
            stack = SabaqStack.start(config, TimeSource.SYSTEM);
        } catch (ConfigException e) {
            System.err.println("sabaq: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        } catch (java.io.IOException e) {
            System.err.println("sabaq: the embedded Cassandra did not start: " + e.getMessage());
            System.exit(3);
            return;
        }
        String host = stack.signallingHost().contains(":") ? "[" + stack.signallingHost() + "]" : stack.signallingHost();
        String base = stack.httpPort() > 0 ? "http://" + host + ":" + stack.httpPort() : "https://" + host + ":" + stack.httpsPort();
        System.out.println();
        System.out.println("  Sabaq is running: " + base + "/");
        if (stack.httpsPort() > 0) {
            TlsMaterial tls = stack.signalling().tls();
            System.out.println("  HTTPS:            https://" + host + ":" + stack.httpsPort() + "/   (certificate SHA-256 "
                    + tls.fingerprintSha256() + ")");
        }
        System.out.println("  Operations:       " + base + "/ops.html   (metrics: " + base + "/metrics)");
        System.out.println("  SFU: udp " + stack.media().port() + "   (Ctrl+C stops)");
        InitialAdministrator.Outcome admin = stack.signalling().initialAdministrator();
        if (admin.created()) {
            System.out.println("  First start: sign in at " + base + "/signin.html as '" + admin.login() + "' with "
                    + (admin.generatedPassword() == null ? "the configured initial password"
                    : "the one-time password " + admin.generatedPassword()) + " (you choose a new one then)");
        }
        System.out.println("  Recordings: " + stack.recorder().describe());
        System.out.println("  Studio:     " + stack.studio().describe() + (stack.studio().studio() == null ? ""
                : "; " + base + "/studio/index.html, catalog " + base + "/studio/catalog.html"));
        System.out.println();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            stack.close();
            stopped.countDown();
        }, "sabaq-shutdown"));
        stopped.await();
    }

    /**
     * Signalling + media server + recorder started together, with their store: the Cassandra cluster of
     * {@code sabaq.storage.cassandra.contact-points} or, when there is none, the embedded default (a Cassandra forked
     * on loopback, its data in {@code embedded.data-dir}). Used by main and by end-to-end tests.
     */
    public static final class SabaqStack implements AutoCloseable {
        /** Only this server changes the schema (at start): no reason to debounce the driver's refreshes for 1 s. */
        private static final Duration SCHEMA_WINDOW = Duration.ofMillis(50);
        private final Vertx vertx;
        private final MediaServer media;
        private final SignallingServer signalling;
        private final String signallingHost;
        private final CassandraStore store;
        private final ForkedCassandra embedded;
        private final RecorderStack recorder;
        private final FootprintStack footprint;
        private final StudioStack studio;

        private SabaqStack(Vertx vertx, MediaServer media, SignallingServer signalling, String host, CassandraStore store,
                           ForkedCassandra embedded, RecorderStack recorder, FootprintStack footprint, StudioStack studio) {
            this.vertx = vertx;
            this.media = media;
            this.signalling = signalling;
            this.signallingHost = host;
            this.store = store;
            this.embedded = embedded;
            this.recorder = recorder;
            this.footprint = footprint;
            this.studio = studio;
        }

        public static SabaqStack start(Config config, TimeSource time) throws Exception {
            config = config.withFallback(ConfigFactory.defaultReference()).resolve();
            MediaServerConfig mediaConfig = MediaServerConfig.from(config);
            SignallingConfig signallingConfig = SignallingConfig.from(config);
            AuthConfig authConfig = AuthConfig.from(config);
            StorageConfig storage = StorageConfig.from(config);
            RecorderConfig recorderConfig = RecorderConfig.from(config);
            StudioConfig studioConfig = StudioConfig.from(config);
            ForkedCassandra embedded = null;
            RecorderStack recorder = null;
            StudioStack studio = null;
            MediaServer media = null;
            Vertx vertx = null;
            CassandraStore store = null;
            FootprintStack footprint = null;
            try {
                if (storage.embedded()) {
                    LOG.info("starting the embedded Cassandra (data in {})", storage.embeddedDataDir().toAbsolutePath());
                    embedded = ForkedCassandra.builder(storage.embeddedRunnerDir(), storage.embeddedDataDir())
                            .heapMb(storage.embeddedHeapMb()).startTimeout(storage.embeddedStartTimeout()).start();
                    storage = storage.withContactPoints(List.of(embedded.contactPoint()));
                }
                recorder = RecorderStack.start(recorderConfig, time);
                studio = StudioStack.start(studioConfig, recorder, time);
                media = MediaServer.start(mediaConfig, time);
                vertx = Vertx.vertx(new VertxOptions().setMaxEventLoopExecuteTime(2).setMaxEventLoopExecuteTimeUnit(TimeUnit.SECONDS));
                store = CassandraStore.open(vertx, storage, SCHEMA_WINDOW).toCompletionStage().toCompletableFuture()
                        .get(2, TimeUnit.MINUTES);
                Repositories repos = Repositories.cassandra(vertx, store).toCompletionStage().toCompletableFuture()
                        .get(2, TimeUnit.MINUTES);
                // The digital footprint: journalled locally, written to the same keyspace.
                footprint = FootprintStack.start(config, store.session());
                // Operations: the SFU's figures, and who may see the operations page and /metrics.
                // Signalling adds the role check for signed-in people; /readyz also asks Cassandra.
                OpsBindings ops = new OpsBindings(media, new NetworkOpsAccess(signallingConfig.ops().allowedNetworks()),
                        new NetworkOpsAccess(signallingConfig.ops().metricsAllowedNetworks()),
                        List.of(new CassandraReadinessCheck(store)));
                SignallingServer signalling = SignallingServer.start(vertx, signallingConfig, authConfig, repos, media,
                        time, ops, recorder.service(), footprint.services(), FootprintSettings.from(config), studio.routes())
                        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
                return new SabaqStack(vertx, media, signalling, signallingConfig.host(), store, embedded, recorder,
                        footprint, studio);
            } catch (Exception e) {
                if (footprint != null) footprint.close();
                if (store != null) store.close();
                if (vertx != null) vertx.close();
                if (media != null) media.close();
                if (studio != null) studio.close();
                if (recorder != null) recorder.close();
                if (embedded != null) embedded.close();
                // A setting found unusable while starting (a TLS file, an alert rule) is a configuration error.
                if (e instanceof ExecutionException && e.getCause() instanceof ConfigException) throw (ConfigException) e.getCause();
                throw e;
            }
        }

        public MediaServer media() {
            return media;
        }

        public SignallingServer signalling() {
            return signalling;
        }

        /** The recorder and its storage (the embedded S3 server when configured). */
        public RecorderStack recorder() {
            return recorder;
        }

        /** The footprint journal, writer and tables. */
        public FootprintStack footprint() {
            return footprint;
        }

        /** The course studio (its {@code studio()} is null when the studio is off). */
        public StudioStack studio() {
            return studio;
        }

        /** The plain HTTP port, or -1 when plain HTTP is off. */
        public int httpPort() {
            return signalling.port();
        }

        /** The HTTPS port, or -1 when TLS is off. */
        public int httpsPort() {
            return signalling.tlsPort();
        }

        public String signallingHost() {
            return signallingHost;
        }

        @Override
        public void close() {
            try {
                signalling.stop().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("signalling stop: {}", e.toString());
            }
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("vert.x close: {}", e.toString());
            }
            footprint.close();
            store.close();
            media.close();
            studio.close();
            recorder.close();
            if (embedded != null) embedded.close();
        }
    }
}
