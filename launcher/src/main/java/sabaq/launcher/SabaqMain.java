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
import sabaq.recorder.service.RecorderConfig;
import sabaq.signalling.SignallingConfig;
import sabaq.signalling.SignallingServer;

import java.util.concurrent.CountDownLatch;
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
        String url = "http://" + stack.signallingHost() + ":" + stack.httpPort() + "/";
        System.out.println();
        System.out.println("  Sabaq is running: " + url);
        System.out.println("  SFU: udp " + stack.media().port() + "   (Ctrl+C stops)");
        System.out.println("  Recordings: " + stack.recorder().describe());
        System.out.println();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            stack.close();
            stopped.countDown();
        }, "sabaq-shutdown"));
        stopped.await();
    }

    /** Signalling + media server + recorder started together; used by main and by end-to-end tests. */
    public static final class SabaqStack implements AutoCloseable {
        private final Vertx vertx;
        private final MediaServer media;
        private final SignallingServer signalling;
        private final String signallingHost;
        private final RecorderStack recorder;

        private SabaqStack(Vertx vertx, MediaServer media, SignallingServer signalling, String host,
                           RecorderStack recorder) {
            this.vertx = vertx;
            this.media = media;
            this.signalling = signalling;
            this.signallingHost = host;
            this.recorder = recorder;
        }

        public static SabaqStack start(Config config, TimeSource time) throws Exception {
            config = config.withFallback(ConfigFactory.defaultReference()).resolve();
            MediaServerConfig mediaConfig = MediaServerConfig.from(config);
            SignallingConfig signallingConfig = SignallingConfig.from(config);
            RecorderConfig recorderConfig = RecorderConfig.from(config);
            RecorderStack recorder = RecorderStack.start(recorderConfig, time);
            MediaServer media;
            try {
                media = MediaServer.start(mediaConfig, time);
            } catch (Exception e) {
                recorder.close();
                throw e;
            }
            Vertx vertx = Vertx.vertx(new VertxOptions().setMaxEventLoopExecuteTime(2).setMaxEventLoopExecuteTimeUnit(TimeUnit.SECONDS));
            try {
                SignallingServer signalling = SignallingServer.start(vertx, signallingConfig, media,
                                recorder.service(), time)
                        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                return new SabaqStack(vertx, media, signalling, signallingConfig.host(), recorder);
            } catch (Exception e) {
                vertx.close();
                media.close();
                recorder.close();
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

        public int httpPort() {
            return signalling.port();
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
            recorder.close();
        }
    }
}
