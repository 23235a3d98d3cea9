package sabaq.common.cassandra;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Asks a port whether it speaks the CQL native protocol: sends an OPTIONS request (protocol v4 frame header: version
 * 0x04, flags 0, stream 1, opcode 0x05, body length 0) and expects a SUPPORTED answer (version byte 0x84, stream 1,
 * opcode 0x06). An open port alone proves nothing: Cassandra binds its storage port before the CQL one.
 */
final class CqlProbe {
    private CqlProbe() {
    }

    /** True when the port answered OPTIONS with SUPPORTED within {@code timeoutMillis}; false on anything else. */
    static boolean answersCql(String host, int port, int timeoutMillis) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), timeoutMillis);
            s.setSoTimeout(timeoutMillis);
            OutputStream out = s.getOutputStream();
            out.write(new byte[] {0x04, 0x00, 0x00, 0x01, 0x05, 0, 0, 0, 0});
            out.flush();
            byte[] header = new byte[9];
            new DataInputStream(s.getInputStream()).readFully(header);
            return header[0] == (byte) 0x84 && header[2] == 0 && header[3] == 1 && header[4] == 0x06;
        } catch (IOException e) {
            return false;
        }
    }
}
