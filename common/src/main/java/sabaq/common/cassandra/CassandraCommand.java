package sabaq.common.cassandra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a forked Cassandra 5.0 server on Java 17: the JPMS exports and opens of upstream
 * {@code conf/jvm17-server.options} (without them start-up fails with "Cassandra is unable to access required
 * classes"), a small heap, the configuration files, faster single-node start and stop, and, for throw-away test
 * servers only, properties that trade durability for speed.
 */
final class CassandraCommand {
    private static final String[] EXPORTS = {
        "java.base/jdk.internal.misc", "java.management.rmi/com.sun.jmx.remote.internal.rmi", "java.rmi/sun.rmi.registry",
        "java.rmi/sun.rmi.server", "java.sql/java.sql", "java.base/java.lang.ref", "jdk.unsupported/sun.misc",
        "jdk.compiler/com.sun.tools.javac.file", "jdk.attach/sun.tools.attach",
    };
    private static final String[] OPENS = {
        "java.base/java.lang.module", "java.base/jdk.internal.loader", "java.base/jdk.internal.ref",
        "java.base/jdk.internal.reflect", "java.base/jdk.internal.math", "java.base/jdk.internal.module",
        "java.base/jdk.internal.util.jar", "jdk.management/com.sun.management.internal", "java.base/sun.nio.ch",
        "java.base/java.io", "java.base/java.lang.reflect", "jdk.compiler/com.sun.tools.javac", "java.base/java.lang",
        "java.base/java.util",
    };
    static final String MAIN_CLASS = "sabaq.cassandra.runner.ForkedMain";

    private CassandraCommand() {
    }

    static List<String> build(Path java, String classpath, Path runDir, int heapMb, boolean throwAway) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        for (String e : EXPORTS) cmd.add("--add-exports=" + e + "=ALL-UNNAMED");
        for (String o : OPENS) cmd.add("--add-opens=" + o + "=ALL-UNNAMED");
        cmd.add("-Djdk.attach.allowAttachSelf=true");
        cmd.add("-Dio.netty.tryReflectionSetAccessible=true");
        cmd.add("-Djava.net.preferIPv4Stack=true");
        cmd.add("-Xms" + heapMb + "m");
        cmd.add("-Xmx" + heapMb + "m");
        cmd.add("-XX:MaxDirectMemorySize=128m");
        cmd.add("-XX:+UseG1GC");
        cmd.add("-Xss256k");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        Path abs = runDir.toAbsolutePath();
        cmd.add("-Dcassandra.config=" + abs.resolve("conf/cassandra.yaml").toUri());
        cmd.add("-Dcassandra.storagedir=" + abs.resolve("data"));
        cmd.add("-Dcassandra.logdir=" + abs.resolve("logs"));
        cmd.add("-Dlogback.configurationFile=" + abs.resolve("conf/logback.xml"));
        cmd.add("-Dcassandra-foreground=yes");
        cmd.add("-Djava.io.tmpdir=" + abs.resolve("tmp"));
        // One node: nothing to gossip with, nobody to announce the shutdown to.
        cmd.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
        cmd.add("-Dcassandra.ring_delay_ms=100");
        cmd.add("-Dcassandra.shutdown_announce_in_ms=0");
        cmd.add("-Dcassandra.test.messagingService.nonGracefulShutdown=true");
        if (throwAway) {
            cmd.add("-Dcassandra.unsafesystem=true");
            cmd.add("-Dcassandra.skip_sync=true");
            cmd.add("-Dcassandra.test.flush_local_schema_changes=false");
        }
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(MAIN_CLASS);
        return cmd;
    }

    /** The runner jar followed by the classpath file Maven wrote next to it (launcher/cassandra-runner). */
    static String classpath(Path runnerDir) throws java.io.IOException {
        Path file = runnerDir.resolve("cassandra.classpath");
        Path jar;
        try (var files = Files.list(runnerDir)) {
            jar = files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("sabaq-cassandra-runner-") && n.endsWith(".jar");
            }).findFirst().orElse(null);
        }
        if (jar == null || !Files.isRegularFile(file)) {
            throw new java.io.FileNotFoundException("no Cassandra runner in " + runnerDir.toAbsolutePath()
                    + " (expected sabaq-cassandra-runner-*.jar and cassandra.classpath; build it with"
                    + " mvn -pl launcher/cassandra-runner install)");
        }
        return jar.toAbsolutePath() + java.io.File.pathSeparator + Files.readString(file).trim();
    }

    /** Java 17 for the server: Cassandra 5.0.9 fails on Java 24+ (JEP 486 removed the security manager). */
    static Path java17() {
        if (Runtime.version().feature() == 17) return Path.of(System.getProperty("java.home"), "bin", "java");
        String env = System.getenv("CASSANDRA_JAVA_HOME");
        Path home = env != null && !env.isBlank() ? Path.of(env) : Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        Path java = home.resolve("bin").resolve("java");
        if (!Files.isExecutable(java)) {
            throw new IllegalStateException("Cassandra needs Java 17 and this JVM is Java " + Runtime.version().feature()
                    + "; set CASSANDRA_JAVA_HOME to a JDK 17 (looked for " + java + ")");
        }
        return java;
    }
}
