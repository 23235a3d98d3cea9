package sabaq.media.transport;

import java.util.concurrent.atomic.AtomicLong;

/** Test and benchmark access to package-private seams of the transport layer. */
public final class TransportTestAccess {
    private TransportTestAccess() {
    }

    /**
     * Makes {@code t} protect its RTP/RTCP as usual but, instead of sending, only count the datagrams and bytes
     * (measuring forwarding without the send system call). Call on the media event loop.
     */
    public static void discardOutput(PeerTransport t, AtomicLong datagrams, AtomicLong bytes) {
        t.redirectOutput((buf, off, len, to) -> {
            datagrams.lazySet(datagrams.get() + 1);
            bytes.lazySet(bytes.get() + len);
        });
    }
}
