package sabaq.launcher;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.time.TimeSource;
import sabaq.media.server.MediaServer;
import sabaq.media.server.MediaServerConfig;
import sabaq.signalling.SignallingConfig;
import sabaq.signalling.SignallingServer;
import sabaq.signalling.ops.OpsBindings;
import sabaq.signalling.tls.TlsMaterial;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs Sabaq in one process with embedded defaults: the SFU (media-server) and signalling (HTTP, WebSocket, web
 * client). Configuration: every module's reference.conf, overridden by {@code -Dconfig.file=...} or system
 * properties; invalid values stop the start with the key named.
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
        System.out.println();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            stack.close();
            stopped.countDown();
        }, "sabaq-shutdown"));
        stopped.await();
    }

    /** Signalling + media server started together; used by main and by end-to-end tests. */
    public static final class SabaqStack implements AutoCloseable {
        private final Vertx vertx;
        private final MediaServer media;
        private final SignallingServer signalling;
        private final String signallingHost;

        private SabaqStack(Vertx vertx, MediaServer media, SignallingServer signalling, String host) {
            this.vertx = vertx;
            this.media = media;
            this.signalling = signalling;
            this.signallingHost = host;
        }

        public static SabaqStack start(Config config, TimeSource time) throws Exception {
            config = config.withFallback(ConfigFactory.defaultReference()).resolve();
            MediaServerConfig mediaConfig = MediaServerConfig.from(config);
            SignallingConfig signallingConfig = SignallingConfig.from(config);
            MediaServer media = MediaServer.start(mediaConfig, time);
            Vertx vertx = Vertx.vertx(new VertxOptions().setMaxEventLoopExecuteTime(2).setMaxEventLoopExecuteTimeUnit(TimeUnit.SECONDS));
            try {
                // Operations: the SFU's figures, and who may see the operations page and /metrics. The accounts work
                // replaces the network-based access of the defaults with a role check (docs/operations.md, "Access").
                OpsBindings ops = OpsBindings.defaults(signallingConfig.ops(), media);
                SignallingServer signalling = SignallingServer.start(vertx, signallingConfig, media, time, ops)
                        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                return new SabaqStack(vertx, media, signalling, signallingConfig.host());
            } catch (Exception e) {
                vertx.close();
                media.close();
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
            media.close();
        }
    }
}
