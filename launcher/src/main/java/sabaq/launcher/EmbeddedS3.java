package sabaq.launcher;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The embedded S3-compatible server of {@code ./sabaq run} (MinIO itself cannot be installed everywhere): S3Proxy
 * with a filesystem backend on 127.0.0.1, accepting AWS Signature V2/V4 with the configured keys. Production points
 * {@code sabaq.storage.s3.endpoint} at a MinIO cluster instead.
 */
public final class EmbeddedS3 implements AutoCloseable {
    private final Path dir;
    private final String accessKey;
    private final String secretKey;
    private S3Proxy proxy;
    private int port;

    public EmbeddedS3(Path dir, int port, String accessKey, String secretKey) {
        this.dir = dir;
        this.port = port;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** Starts (or restarts on the same port and directory). */
    public synchronized EmbeddedS3 start() throws Exception {
        if (proxy != null) return this;
        Files.createDirectories(dir);
        S3Proxy p = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(dir.toAbsolutePath().toString()))
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        p.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!"STARTED".equals(p.getState())) {
            if (System.nanoTime() > deadline) {
                p.stop();
                throw new IOException("the embedded S3 server did not start on port " + port);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
        }
        port = p.getPort();
        proxy = p;
        return this;
    }

    /** Stops serving (the objects stay on disk). */
    public synchronized void stop() throws Exception {
        if (proxy != null) proxy.stop();
        proxy = null;
    }

    public synchronized int port() {
        return port;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
