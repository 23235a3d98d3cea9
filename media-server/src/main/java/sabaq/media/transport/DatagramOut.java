package sabaq.media.transport;

import java.net.InetSocketAddress;

/**
 * Where a peer's protected RTP and RTCP datagrams go: the shared socket ({@link UdpTransport#send}) in the server;
 * a benchmark may put a sink in its place to measure forwarding without the send system call. Event loop only.
 */
@FunctionalInterface
interface DatagramOut {
    void send(byte[] buf, int off, int len, InetSocketAddress to);
}
