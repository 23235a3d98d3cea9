package sabaq.media.transport;

import java.net.InetSocketAddress;

/**
 * A path back to a browser: the shared UDP socket ({@link UdpTransport#send}), or one ICE-TCP connection
 * ({@link TcpConnection}, RFC 4571 framing, {@code to} ignored). A benchmark may put a sink in its place to measure
 * forwarding without the send system call. Event loop only.
 */
@FunctionalInterface
public interface DatagramOut {
    void send(byte[] buf, int off, int len, InetSocketAddress to);
}
