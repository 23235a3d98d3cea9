package sabaq.recorder.upload;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sabaq.common.test.Poll;
import sabaq.recorder.storage.MinioObjectStore;
import sabaq.recorder.storage.Sha256;
import sabaq.recorder.storage.StoredObject;
import sabaq.recorder.testing.S3ProxyFixture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentUploaderTest {
    @TempDir
    Path dir;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private Path file(String name, int size, long seed) throws Exception {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        Path p = dir.resolve("spool").resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, b);
        return p;
    }

    @Test
    void storageOutageSpoolsAndUploadsEachSegmentOnceWhenItReturns() throws Exception {
        try (S3ProxyFixture s3 = new S3ProxyFixture(Files.createDirectories(dir.resolve("s3"))).start();
             UploadJournal journal = UploadJournal.open(dir.resolve("journal.log"))) {
            MinioObjectStore store = new MinioObjectStore(s3.settings("recordings-test"));
            store.ensureBucket();
            SegmentUploader up = new SegmentUploader(store, executor, Duration.ofMillis(50), Duration.ofMillis(400));
            List<CompletableFuture<StoredObject>> done = new ArrayList<>();
            List<String> shas = new ArrayList<>();
            Path first = file("s0.webm", 300_000, 0);
            shas.add(Sha256.of(first));
            done.add(up.submit(new UploadTask(first, "recordings/l/r/s0.webm", "video/webm", journal, true, o -> { })));
            done.get(0).get(10, TimeUnit.SECONDS);

            s3.stop();
            for (int i = 1; i <= 4; i++) {
                Path f = file("s" + i + ".webm", 200_000 + i, i);
                shas.add(Sha256.of(f));
                done.add(up.submit(new UploadTask(f, "recordings/l/r/s" + i + ".webm", "video/webm", journal, true, o -> { })));
            }
            Poll.until(Duration.ofSeconds(20), up::storageDown, d -> d, "the uploader to notice the outage");
            assertTrue(up.pendingBytes() >= 4 * 200_000, "segments wait in the spool");
            assertFalse(done.get(4).isDone());

            s3.start();
            for (CompletableFuture<StoredObject> f : done) f.get(30, TimeUnit.SECONDS);
            assertEquals(0, up.pendingBytes());
            assertEquals(5, up.uploadedCount(), "each segment uploaded exactly once");
            assertEquals(5, journal.size());
            List<String> keys = store.list("recordings/l/r/");
            assertEquals(5, keys.size());
            for (int i = 0; i <= 4; i++) {
                StoredObject o = store.stat("recordings/l/r/s" + i + ".webm").orElseThrow();
                assertEquals(shas.get(i), o.sha256());
                assertFalse(Files.exists(dir.resolve("spool/s" + i + ".webm")), "spooled file removed once stored");
            }

            Path again = file("s1b.webm", 200_001, 1);
            up.submit(new UploadTask(again, "recordings/l/r/s1.webm", "video/webm", journal, false, o -> { }))
                    .get(10, TimeUnit.SECONDS);
            assertEquals(5, up.uploadedCount(), "a journaled key is not sent again");
            assertEquals(1, up.skippedCount());
        }
    }
}
