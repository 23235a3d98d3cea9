package sabaq.recorder.upload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.recorder.storage.ObjectStore;
import sabaq.recorder.storage.Sha256;
import sabaq.recorder.storage.StorageException;
import sabaq.recorder.storage.StoredObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Uploads finished files in the order they were submitted, one at a time, on one scheduler thread. While storage is
 * unreachable the files stay where they are (the local spool) and the head of the queue is retried with exponential
 * backoff ({@code minRetry} doubling up to {@code maxRetry}); nothing is dropped and order is kept. Before sending a
 * file it checks the journal and then the bucket (an object with the same SHA-256 counts as stored: the recorder may
 * have crashed between upload and journal), so a key is never uploaded twice after it was verified.
 *
 * <p>{@link #pendingBytes()} is what waits in the spool; callers compare it with their spool bound.
 */
public final class SegmentUploader {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentUploader.class);

    private final ObjectStore store;
    private final ScheduledExecutorService executor;
    private final Duration minRetry;
    private final Duration maxRetry;
    private final Deque<Pending> queue = new ArrayDeque<>();
    private final AtomicLong pendingBytes = new AtomicLong();
    private final AtomicLong uploaded = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private boolean running;
    private boolean scheduled;
    private Duration backoff;
    private volatile boolean storageDown;
    private volatile String lastError;

    public SegmentUploader(ObjectStore store, ScheduledExecutorService executor, Duration minRetry, Duration maxRetry) {
        this.store = store;
        this.executor = executor;
        this.minRetry = minRetry;
        this.maxRetry = maxRetry;
        this.backoff = minRetry;
    }

    /** Queues a file; the future completes once it is stored and journaled (never exceptionally, except on a bug). */
    public CompletableFuture<StoredObject> submit(UploadTask task) {
        long size;
        try {
            size = Files.size(task.file());
        } catch (IOException e) {
            size = 0;
        }
        Pending p = new Pending(task, size, new CompletableFuture<>());
        synchronized (this) {
            queue.addLast(p);
            pendingBytes.addAndGet(size);
            kick(0);
        }
        return p.done;
    }

    /** Bytes of queued files not yet stored. */
    public long pendingBytes() {
        return pendingBytes.get();
    }

    public synchronized int pendingFiles() {
        return queue.size();
    }

    public long uploadedCount() {
        return uploaded.get();
    }

    /** Files found already stored (journal or bucket) and not sent again. */
    public long skippedCount() {
        return skipped.get();
    }

    /** Failed attempts (each is retried). */
    public long failureCount() {
        return failures.get();
    }

    /** True between a failed attempt and the next success. */
    public boolean storageDown() {
        return storageDown;
    }

    public String lastError() {
        return lastError;
    }

    /** A future that completes when everything submitted so far is stored. */
    public CompletableFuture<Void> drained() {
        CompletableFuture<?>[] all;
        synchronized (this) {
            all = queue.stream().map(p -> p.done).toArray(CompletableFuture[]::new);
        }
        return CompletableFuture.allOf(all);
    }

    private void kick(long delayMillis) {
        if (running || scheduled || queue.isEmpty()) return;
        scheduled = true;
        executor.schedule(this::drain, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void drain() {
        synchronized (this) {
            scheduled = false;
            running = true;
        }
        try {
            while (true) {
                Pending head;
                synchronized (this) {
                    head = queue.peekFirst();
                }
                if (head == null) break;
                StoredObject stored;
                try {
                    stored = upload(head.task);
                } catch (LostFileException e) {
                    LOG.error("spooled file {} vanished before it was stored", head.task.file());
                    synchronized (this) {
                        queue.pollFirst();
                        pendingBytes.addAndGet(-head.size);
                    }
                    head.done.completeExceptionally(e);
                    continue;
                } catch (StorageException e) {
                    failures.incrementAndGet();
                    lastError = e.getMessage();
                    if (!storageDown) LOG.warn("storage unavailable, spooling locally and retrying: {}", e.getMessage());
                    storageDown = true;
                    retryLater();
                    return;
                }
                synchronized (this) {
                    queue.pollFirst();
                    pendingBytes.addAndGet(-head.size);
                    backoff = minRetry;
                }
                if (storageDown) LOG.info("storage is back; uploading the spool");
                storageDown = false;
                complete(head, stored);
            }
        } finally {
            synchronized (this) {
                running = false;
                if (!scheduled && !queue.isEmpty() && !storageDown) kick(0);
            }
        }
    }

    private synchronized void retryLater() {
        long delay = backoff.toMillis();
        backoff = backoff.multipliedBy(2).compareTo(maxRetry) > 0 ? maxRetry : backoff.multipliedBy(2);
        running = false;
        kick(delay);
    }

    private void complete(Pending p, StoredObject stored) {
        try {
            p.task.onStored().accept(stored);
        } catch (RuntimeException e) {
            LOG.error("upload listener failed for {}", p.task.key(), e);
        }
        p.done.complete(stored);
    }

    private StoredObject upload(UploadTask t) throws StorageException {
        StoredObject known = t.journal().get(t.key());
        if (known != null) {
            skipped.incrementAndGet();
            deleteIfAsked(t);
            return known;
        }
        String localSha;
        long length;
        try {
            localSha = Sha256.of(t.file());
            length = Files.size(t.file());
        } catch (NoSuchFileException e) {
            throw new LostFileException(t.file().toString(), e);
        } catch (IOException e) {
            throw new StorageException("cannot read spooled file " + t.file() + ": " + e.getMessage(), e);
        }
        Optional<StoredObject> there = store.stat(t.key());
        StoredObject stored;
        if (there.isPresent() && localSha.equals(there.get().sha256()) && there.get().length() == length) {
            skipped.incrementAndGet();
            stored = new StoredObject(t.key(), length, localSha);
        } else {
            stored = store.putVerified(t.key(), t.file(), t.contentType());
            uploaded.incrementAndGet();
        }
        try {
            t.journal().record(stored);
        } catch (IOException e) {
            throw new StorageException("cannot write the upload journal: " + e.getMessage(), e);
        }
        deleteIfAsked(t);
        return stored;
    }

    private static void deleteIfAsked(UploadTask t) {
        if (!t.deleteAfter()) return;
        try {
            Files.deleteIfExists(t.file());
        } catch (IOException e) {
            LOG.warn("cannot delete uploaded spool file {}: {}", t.file(), e.toString());
        }
    }

    /** The spooled file is gone (deleted by hand): nothing to retry. */
    private static final class LostFileException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LostFileException(String file, Throwable cause) {
            super("spooled file vanished: " + file, cause);
        }
    }

    private record Pending(UploadTask task, long size, CompletableFuture<StoredObject> done) {
    }
}
