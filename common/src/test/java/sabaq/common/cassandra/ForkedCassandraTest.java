package sabaq.common.cassandra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(CassandraExtension.class)
class ForkedCassandraTest {

    /**
     * Sends a CQL native protocol v4 OPTIONS frame (header: version 0x04, flags, stream 1, opcode 0x05, length 0)
     * and reads the answer's header: a real Cassandra answers SUPPORTED (opcode 0x06) on the same stream.
     */
    @Test
    void theForkedServerSpeaksCql(ForkedCassandra server) throws IOException {
        assertTrue(server.isAlive());
        try (Socket s = new Socket(ForkedCassandra.HOST, server.nativePort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(new byte[] {0x04, 0x00, 0x00, 0x01, 0x05, 0, 0, 0, 0});
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] header = new byte[9];
            in.readFully(header);
            assertEquals((byte) 0x84, header[0], "response flag + version 4");
            assertEquals(1, ((header[2] & 0xff) << 8) | (header[3] & 0xff), "same stream id");
            assertEquals(0x06, header[4], "SUPPORTED");
            int length = ((header[5] & 0xff) << 24) | ((header[6] & 0xff) << 16) | ((header[7] & 0xff) << 8) | (header[8] & 0xff);
            assertTrue(length > 0 && length < 10_000, "body length " + length);
            byte[] body = new byte[length];
            in.readFully(body);
            assertTrue(new String(body, StandardCharsets.UTF_8).contains("CQL_VERSION"));
        }
    }

    @Test
    void theRunDirectoryIsLockedAgainstASecondServer(ForkedCassandra server) {
        Path runner = Path.of(System.getProperty(CassandraExtension.RUNNER_DIR_PROPERTY));
        IOException e = assertThrows(IOException.class,
                () -> ForkedCassandra.builder(runner, server.runDir()).start());
        assertTrue(e.getMessage().contains("another Cassandra already runs"), e.getMessage());
        assertTrue(server.isAlive());
    }

    @Test
    void aMissingRunnerIsAClearError(@org.junit.jupiter.api.io.TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> ForkedCassandra.builder(dir, dir.resolve("run")).start());
        assertTrue(e.getMessage().contains("no Cassandra runner"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("run/server.lock")), "nothing started, nothing locked");
    }

    @Test
    void aPortInUseIsRefusedBeforeForking(@org.junit.jupiter.api.io.TempDir Path dir, ForkedCassandra server) {
        Path runner = Path.of(System.getProperty(CassandraExtension.RUNNER_DIR_PROPERTY));
        IOException e = assertThrows(IOException.class, () -> ForkedCassandra.builder(runner, dir.resolve("run"))
                .ports(server.nativePort(), 0).throwAway(true).start());
        assertTrue(e.getMessage().contains("port " + server.nativePort() + " is in use"), e.getMessage());
    }

    @Test
    void aServerThatDiesDuringStartUpReportsItsOutput(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path runner = Path.of(System.getProperty(CassandraExtension.RUNNER_DIR_PROPERTY));
        int port = ForkedCassandra.freePort();
        // The same port for storage and CQL: Cassandra binds the storage port first, then cannot bind CQL and exits.
        IOException e = assertThrows(IOException.class, () -> ForkedCassandra.builder(runner, dir.resolve("run"))
                .ports(port, port).throwAway(true).start());
        assertTrue(e.getMessage().contains("during start-up"), e.getMessage());
        assertTrue(e.getMessage().contains("output.log"), e.getMessage());
    }

    @Test
    void closeStopsTheProcessAndDeletesAThrowAwayRunDirectory(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Path runner = Path.of(System.getProperty(CassandraExtension.RUNNER_DIR_PROPERTY));
        Path runDir = dir.resolve("run");
        ForkedCassandra second = ForkedCassandra.builder(runner, runDir).throwAway(true).start();
        long pid = second.pid();
        second.close();
        assertFalse(second.isAlive());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(Files.exists(runDir));
        second.close();
    }
}
