package sabaq.recorder.testing;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import sabaq.common.test.Poll;
import sabaq.recorder.storage.MinioObjectStore;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An embedded S3Proxy (filesystem backend) for tests, which can be stopped and started again on the same port and
 * directory to simulate a storage outage.
 */
public final class S3ProxyFixture implements AutoCloseable {
    public static final String ACCESS = "testaccess";
    public static final String SECRET = "testsecret12345";

    private final Path dir;
    private int port;
    private S3Proxy proxy;

    public S3ProxyFixture(Path dir) {
        this.dir = dir;
    }

    public synchronized S3ProxyFixture start() throws Exception {
        S3Proxy p = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(dir.toString()))
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
                .build();
        p.start();
        Poll.until(Duration.ofSeconds(10), p::getState, "STARTED"::equals, "S3Proxy to start");
        port = p.getPort();
        proxy = p;
        return this;
    }

    public synchronized void stop() throws Exception {
        if (proxy != null) proxy.stop();
        proxy = null;
    }

    public synchronized int port() {
        return port;
    }

    public MinioObjectStore.S3Settings settings(String bucket) {
        return new MinioObjectStore.S3Settings("http://127.0.0.1:" + port(), "us-east-1", bucket, ACCESS, SECRET,
                Duration.ofSeconds(5));
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
