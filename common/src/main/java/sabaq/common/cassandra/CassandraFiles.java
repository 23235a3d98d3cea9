package sabaq.common.cassandra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two files a forked Cassandra 5.0 needs in its run directory: {@code cassandra.yaml} (only the keys 5.0.9
 * requires plus single-node settings; data, commit log and caches under the run directory) and {@code logback.xml}
 * (warnings only, to the process output: without it Cassandra logs at DEBUG).
 */
final class CassandraFiles {
    private CassandraFiles() {
    }

    /**
     * @param durable group commit: a write is acknowledged only once its commit-log section is synced (within a
     *                10 ms window), so a crash (kill -9) of the server loses no acknowledged write. Without it
     *                (throw-away test servers) the commit log is synced every 10 s and a crash loses what was
     *                written since: replay stops at the last sync marker.
     */
    static String yaml(String clusterName, String host, int storagePort, int nativePort, Path dataDir, boolean durable) {
        String data = dataDir.toAbsolutePath().toString();
        return "cluster_name: '" + clusterName.replace("'", "''") + "'\n"
                + "num_tokens: 1\n"
                + "partitioner: org.apache.cassandra.dht.Murmur3Partitioner\n"
                + "endpoint_snitch: SimpleSnitch\n"
                + (durable ? "commitlog_sync: group\ncommitlog_sync_group_window: 10ms\n"
                        : "commitlog_sync: periodic\ncommitlog_sync_period: 10000ms\n")
                + "seed_provider: [{class_name: org.apache.cassandra.locator.SimpleSeedProvider, parameters: [{seeds: \""
                + host + ":" + storagePort + "\"}]}]\n"
                + "listen_address: " + host + "\n"
                + "rpc_address: " + host + "\n"
                + "storage_port: " + storagePort + "\n"
                + "native_transport_port: " + nativePort + "\n"
                + "data_file_directories: ['" + data + "/data']\n"
                + "commitlog_directory: '" + data + "/commitlog'\n"
                + "saved_caches_directory: '" + data + "/saved_caches'\n"
                + "hints_directory: '" + data + "/hints'\n"
                + "cdc_raw_directory: '" + data + "/cdc_raw'\n"
                + "auto_snapshot: false\n"
                + "hinted_handoff_enabled: false\n"
                + "concurrent_compactors: 1\n"
                + "memtable_heap_space: 32MiB\n"
                + "memtable_offheap_space: 32MiB\n"
                + "file_cache_size: 32MiB\n"
                + "storage_compatibility_mode: NONE\n"
                // Single-partition unlogged batches of footprint rows (sabaq.recorder.footprint) are up to ~20 KiB.
                + "batch_size_warn_threshold: 64KiB\n";
    }

    static String logback() {
        return "<configuration>\n"
                + "  <appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">\n"
                + "    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n</pattern></encoder>\n"
                + "  </appender>\n"
                + "  <root level=\"WARN\"><appender-ref ref=\"OUT\"/></root>\n"
                + "</configuration>\n";
    }

    static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
