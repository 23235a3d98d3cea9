package sabaq.studio.job;

import sabaq.studio.Json;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The job journal: one JSON file per job in a directory, written atomically after every state change and about
 * once a second while a job runs. A process runs a job only while it holds the job's lock file ({@link FileLock});
 * the operating system releases the lock when the process dies, so after a crash or kill the next studio process
 * sees the job unlocked and resumes it. A cancel request from another process is a marker file the runner polls.
 */
public final class JobJournal {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Path dir;

    public JobJournal(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    public Path dir() {
        return dir;
    }

    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public void save(JobRecord job) throws IOException {
        Json.write(file(job.id()), job);
    }

    public Optional<JobRecord> load(String id) throws IOException {
        if (!isId(id)) return Optional.empty();
        Path f = file(id);
        if (!Files.exists(f)) return Optional.empty();
        return Optional.of(Json.read(f, JobRecord.class));
    }

    /** Every job, newest first. Unreadable files are skipped (they are reported by {@link #load}). */
    public List<JobRecord> list() throws IOException {
        List<JobRecord> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (name.startsWith(".")) continue;
                try {
                    out.add(Json.read(p, JobRecord.class));
                } catch (IOException e) {
                    // a foreign or damaged file: not a job
                }
            }
        }
        out.sort(Comparator.comparingLong(JobRecord::createdAt).reversed().thenComparing(JobRecord::id));
        return out;
    }

    /** Takes the job's run lock, or empty when another process (or thread) holds it. */
    public Optional<Lock> tryLock(String id) throws IOException {
        FileChannel ch = FileChannel.open(dir.resolve(id + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                ch.close();
                return Optional.empty();
            }
            return Optional.of(new Lock(ch, lock));
        } catch (OverlappingFileLockException e) {
            ch.close();
            return Optional.empty();
        }
    }

    /** True when some process holds the job's lock (it is running there). */
    public boolean isLocked(String id) throws IOException {
        Optional<Lock> l = tryLock(id);
        l.ifPresent(Lock::close);
        return l.isEmpty();
    }

    public void requestCancel(String id) throws IOException {
        Files.write(dir.resolve(id + ".cancel"), new byte[0]);
    }

    public boolean cancelRequested(String id) {
        return Files.exists(dir.resolve(id + ".cancel"));
    }

    public void clearCancel(String id) throws IOException {
        Files.deleteIfExists(dir.resolve(id + ".cancel"));
    }

    private Path file(String id) {
        if (!isId(id)) throw new IllegalArgumentException("bad job id " + id);
        return dir.resolve(id + ".json");
    }

    /** A held run lock. */
    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private Lock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // closing the channel releases the lock anyway
            }
        }
    }
}
