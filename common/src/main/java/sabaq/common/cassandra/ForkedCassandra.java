package sabaq.common.cassandra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * An Apache Cassandra 5.0 server in its own Java 17 process, never in the caller's JVM (its Netty 4.1, Guava and
 * security manager stay out of the application). The process runs {@code sabaq.cassandra.runner.ForkedMain} from the
 * {@code launcher/cassandra-runner} build (its jar and {@code cassandra.classpath}).
 *
 * <p>{@link Builder#start} writes {@code cassandra.yaml} and {@code logback.xml} into the run directory, binds only
 * two loopback ports (storage and native CQL; free ones unless given) and returns once the CQL port answers a CQL
 * OPTIONS request. The run directory is locked against a second server. {@link #close} closes the child's standard
 * input, which makes it exit at once; a child that does not exit within 15 s is killed. If this JVM dies, the child
 * sees end of input and exits too. Uses nothing beyond the JDK.
 */
public final class ForkedCassandra implements AutoCloseable {
    /** Cassandra listens on loopback only. */
    public static final String HOST = "127.0.0.1";
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final Process process;
    private final Path runDir;
    private final int nativePort;
    private final int storagePort;
    private final boolean deleteOnClose;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private boolean closed;

    private ForkedCassandra(Process process, Path runDir, int nativePort, int storagePort, boolean deleteOnClose,
                            FileChannel lockChannel, FileLock lock) {
        this.process = process;
        this.runDir = runDir;
        this.nativePort = nativePort;
        this.storagePort = storagePort;
        this.deleteOnClose = deleteOnClose;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Options of a server; {@code runnerDir} holds the runner jar and {@code cassandra.classpath}. */
    public static Builder builder(Path runnerDir, Path runDir) {
        return new Builder(runnerDir, runDir);
    }

    /** The CQL native protocol address. */
    public InetSocketAddress contactPoint() {
        return new InetSocketAddress(HOST, nativePort);
    }

    public int nativePort() {
        return nativePort;
    }

    public Path runDir() {
        return runDir;
    }

    /** The server's console output (warnings and errors), for failure messages. */
    public Path outputLog() {
        return runDir.resolve("logs/output.log");
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the server: end of input (it exits within about a second), then a kill after 15 s. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // The pipe is already broken: the child is exiting anyway.
        }
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        release();
        if (deleteOnClose) deleteTree(runDir);
    }

    /**
     * Kills the server at once (SIGKILL: a crash, no drain) and releases the run directory, whose data stays, so a
     * new server can start on it ({@link Builder#ports} with the same ports). For fault tests. Idempotent.
     */
    public synchronized void kill() {
        if (closed) return;
        closed = true;
        process.destroyForcibly();
        try {
            process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        release();
    }

    /** The storage (inter-node) port, to restart on the same ports after {@link #kill}. */
    public int storagePort() {
        return storagePort;
    }

    private void release() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // Closing the channel releases the lock in any case.
        }
    }

    /** Deletes a directory tree (a run directory of a stopped server). */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new IllegalStateException("could not delete " + dir + ": " + e.getMessage(), e);
        }
    }

    /** What to start. Defaults: free ports, 384 MiB heap, 90 s to start, durable data kept after close. */
    public static final class Builder {
        private final Path runnerDir;
        private final Path runDir;
        private int nativePort;
        private int storagePort;
        private int heapMb = 384;
        private Duration startTimeout = Duration.ofSeconds(90);
        private boolean throwAway;
        private String clusterName = "sabaq";

        private Builder(Path runnerDir, Path runDir) {
            this.runnerDir = Objects.requireNonNull(runnerDir, "runnerDir");
            this.runDir = Objects.requireNonNull(runDir, "runDir");
        }

        /** Fixed ports (0 = a free one). */
        public Builder ports(int nativePort, int storagePort) {
            this.nativePort = nativePort;
            this.storagePort = storagePort;
            return this;
        }

        public Builder heapMb(int heapMb) {
            if (heapMb < 128) throw new IllegalArgumentException("heap below 128 MiB: " + heapMb);
            this.heapMb = heapMb;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder clusterName(String name) {
            this.clusterName = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * A test server: data not synced to disk and the run directory deleted on close. Never for data that
         * should survive a crash.
         */
        public Builder throwAway(boolean throwAway) {
            this.throwAway = throwAway;
            return this;
        }

        /**
         * Forks the server and waits until its CQL port accepts connections.
         *
         * @throws IOException when the runner is missing, the run directory is in use, the process dies during
         *                     start-up or the port does not open in time (the message points at the output log)
         */
        public ForkedCassandra start() throws IOException {
            String classpath = CassandraCommand.classpath(runnerDir);
            Path java = CassandraCommand.java17();
            Files.createDirectories(runDir.resolve("logs"));
            Files.createDirectories(runDir.resolve("tmp"));
            FileChannel channel = FileChannel.open(runDir.resolve("server.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IOException("another Cassandra already runs in " + runDir.toAbsolutePath());
            }
            try {
                return launch(classpath, java, channel, lock);
            } catch (IOException | RuntimeException e) {
                lock.release();
                channel.close();
                throw e;
            }
        }

        private ForkedCassandra launch(String classpath, Path java, FileChannel channel, FileLock lock) throws IOException {
            int cql = nativePort == 0 ? freePort() : requireFree(nativePort);
            int storage = storagePort == 0 ? freePort(cql) : requireFree(storagePort);
            CassandraFiles.write(runDir.resolve("conf/cassandra.yaml"),
                    CassandraFiles.yaml(clusterName, HOST, storage, cql, runDir.resolve("data"), !throwAway));
            CassandraFiles.write(runDir.resolve("conf/logback.xml"), CassandraFiles.logback());
            Path output = runDir.resolve("logs/output.log");
            ProcessBuilder pb = new ProcessBuilder(CassandraCommand.build(java, classpath, runDir, heapMb, throwAway))
                    .directory(runDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
            Process process = pb.start();
            ForkedCassandra server = new ForkedCassandra(process, runDir, cql, storage, throwAway, channel, lock);
            try {
                awaitPort(process, cql, output);
            } catch (IOException | RuntimeException e) {
                process.destroyForcibly();
                throw e;
            }
            return server;
        }

        private void awaitPort(Process process, int port, Path output) throws IOException {
            long deadline = System.nanoTime() + startTimeout.toNanos();
            while (true) {
                if (!process.isAlive()) {
                    throw new IOException("Cassandra exited with status " + process.exitValue() + " during start-up; "
                            + "its output (" + output.toAbsolutePath() + ") ends with:\n" + tail(output));
                }
                if (CqlProbe.answersCql(HOST, port, 1000)) return;
                if (System.nanoTime() > deadline) {
                    throw new IOException("Cassandra did not open its CQL port " + port + " within " + startTimeout
                            + "; its output (" + output.toAbsolutePath() + ") ends with:\n" + tail(output));
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
    }

    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** A fixed port must be free: a connect probe would otherwise mistake another process for this server. */
    static int requireFree(int port) throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(HOST, port));
            return port;
        } catch (IOException e) {
            throw new IOException("port " + port + " is in use on " + HOST + " (" + e.getMessage() + ")", e);
        }
    }

    static int freePort(int... avoid) throws IOException {
        while (true) {
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(false);
                s.bind(new InetSocketAddress(HOST, 0));
                int port = s.getLocalPort();
                boolean clash = false;
                for (int a : avoid) clash |= a == port;
                if (!clash) return port;
            }
        }
    }
}
