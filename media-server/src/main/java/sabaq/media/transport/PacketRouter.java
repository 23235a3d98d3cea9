package sabaq.media.transport;

import io.netty.buffer.ByteBuf;
import sabaq.common.time.TimeSource;
import sabaq.media.ice.IceLiteResponder;
import sabaq.media.transport.MediaCounters.Counter;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * Demultiplexes the shared UDP socket (RFC 7983 first-byte ranges): 0–3 STUN to the ICE-lite responder; 20–63 DTLS
 * and 128–191 RTP/RTCP to the session whose browser address a valid STUN request proved. Anything else, and DTLS or
 * RTP from an address no session owns, is dropped and counted. Event loop only; copies each datagram once into a
 * reused buffer, so the steady state allocates nothing.
 */
public final class PacketRouter implements UdpTransport.PacketHandler {
    /** Largest datagram we accept; browsers keep to about 1200 bytes (MTU), DTLS flights fragment to fit. */
    public static final int MAX_DATAGRAM = 2048;
    /** Room after the data for an SRTP tag and MKI, so a buffer can be protected in place. */
    public static final int SPARE = 64;

    private final Map<InetSocketAddress, PeerTransport> byAddress = new HashMap<>();
    private final IceLiteResponder ice;
    private final MediaCounters counters;
    private final TimeSource time;
    private final byte[] scratch = new byte[MAX_DATAGRAM + SPARE];

    private final DatagramOut udpOut;

    /** @param udpOut sends on the shared UDP socket (the path of every UDP browser) */
    public PacketRouter(IceLiteResponder ice, MediaCounters counters, TimeSource time, DatagramOut udpOut) {
        this.ice = ice;
        this.counters = counters;
        this.time = time;
        this.udpOut = udpOut;
    }

    public DatagramOut udpOut() {
        return udpOut;
    }

    /** Routes packets from {@code address} to {@code peer} from now on. */
    public void bind(InetSocketAddress address, PeerTransport peer) {
        byAddress.put(address, peer);
    }

    public void unbind(InetSocketAddress address, PeerTransport peer) {
        byAddress.remove(address, peer);
    }

    public int boundAddresses() {
        return byAddress.size();
    }

    @Override
    public void onPacket(ByteBuf content, InetSocketAddress sender) {
        route(content, sender, udpOut);
    }

    /** One RFC 4571 frame from an ICE-TCP connection: routed exactly like a datagram, replies go back on it. */
    public void onTcpFrame(ByteBuf content, TcpConnection connection) {
        route(content, connection.remoteAddress(), connection);
    }

    private void route(ByteBuf content, InetSocketAddress sender, DatagramOut path) {
        int len = content.readableBytes();
        if (len == 0 || len > MAX_DATAGRAM) {
            counters.increment(Counter.DROP_UNKNOWN_PROTOCOL);
            return;
        }
        int first = content.getByte(content.readerIndex()) & 0xFF;
        if (first <= 3) {
            content.getBytes(content.readerIndex(), scratch, 0, len);
            ice.onStun(scratch, 0, len, sender, path);
            return;
        }
        boolean dtls = first >= 20 && first <= 63;
        boolean rtp = first >= 128 && first <= 191;
        if (!dtls && !rtp) {
            counters.increment(Counter.DROP_UNKNOWN_PROTOCOL);
            return;
        }
        PeerTransport peer = byAddress.get(sender);
        if (peer == null) {
            counters.increment(Counter.DROP_UNKNOWN_ADDRESS);
            return;
        }
        content.getBytes(content.readerIndex(), scratch, 0, len);
        if (dtls) {
            peer.onDtls(scratch, 0, len);
        } else {
            peer.onSrtp(scratch, 0, len, time.nanoTime());
        }
    }
}
