package sabaq.common.cassandra;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One throw-away {@link ForkedCassandra} per test JVM, shared by every test class that uses this extension and
 * stopped (its run directory deleted) after the last one. Test classes get it with
 * {@code @ExtendWith(CassandraExtension.class)} and a {@code ForkedCassandra} parameter, or {@link #server()} after
 * the extension ran. The runner location comes from the system property {@value #RUNNER_DIR_PROPERTY}, which the
 * parent pom sets for surefire. A server that cannot start fails the tests with the reason; they are never skipped.
 */
public final class CassandraExtension implements BeforeAllCallback, ParameterResolver {
    public static final String RUNNER_DIR_PROPERTY = "sabaq.storage.cassandra.embedded.runner-dir";
    private static final String KEY = CassandraExtension.class.getName();
    private static volatile ForkedCassandra shared;
    private static final List<Runnable> BEFORE_STOP = new CopyOnWriteArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ForkedCassandra.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    /** The server started for this JVM; only after the extension ran. */
    public static ForkedCassandra server() {
        ForkedCassandra s = shared;
        if (s == null) throw new IllegalStateException("annotate the test class with @ExtendWith(CassandraExtension.class)");
        return s;
    }

    /**
     * Runs {@code hook} (e.g. closing a driver session) just before the shared server stops, so clients do not keep
     * reconnecting to a server that is gone.
     */
    public static void beforeStop(Runnable hook) {
        BEFORE_STOP.add(hook);
    }

    private static ForkedCassandra server(ExtensionContext context) {
        Holder holder = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, k -> new Holder(startServer()), Holder.class);
        shared = holder.server;
        return holder.server;
    }

    private static ForkedCassandra startServer() {
        String runner = System.getProperty(RUNNER_DIR_PROPERTY);
        if (runner == null || runner.isBlank()) {
            throw new AssertionError("system property " + RUNNER_DIR_PROPERTY + " is not set: run the tests through"
                    + " Maven (the parent pom sets it to launcher/cassandra-runner/target)");
        }
        Path runDir = Path.of("target", "cassandra-test-" + ProcessHandle.current().pid());
        try {
            ForkedCassandra.deleteTree(runDir);
            return ForkedCassandra.builder(Path.of(runner), runDir).throwAway(true).start();
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("the test Cassandra did not start: " + e.getMessage(), e);
        }
    }

    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        final ForkedCassandra server;

        Holder(ForkedCassandra server) {
            this.server = server;
        }

        @Override
        public void close() {
            shared = null;
            for (Runnable hook : BEFORE_STOP) hook.run();
            BEFORE_STOP.clear();
            server.close();
        }
    }
}
