package sabaq.cassandra.runner;

import org.apache.cassandra.service.CassandraDaemon;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of a Cassandra server forked by {@code sabaq.common.cassandra.ForkedCassandra}. The parent keeps this
 * process's standard input open; when it closes it (a graceful stop) or dies (even by kill -9, the pipe then reaches
 * end of file), this process exits, so no server is left behind. Everything else is Cassandra's own
 * {@link CassandraDaemon}, configured by the system properties the parent passes.
 */
public final class ForkedMain {
    private ForkedMain() {
    }

    public static void main(String[] args) {
        Thread watcher = new Thread(ForkedMain::exitAtEndOfInput, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
        CassandraDaemon.main(args);
    }

    private static void exitAtEndOfInput() {
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // The parent sends nothing; any bytes are ignored.
            }
        } catch (IOException e) {
            // A broken pipe means the parent is gone: stop as well.
        }
        System.exit(0);
    }
}
