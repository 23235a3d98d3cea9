package sabaq.media.dtls;

/**
 * Writes one DTLS datagram toward the remote peer (in the SFU: a Netty {@code DatagramPacket} to the address that ICE
 * validated).
 *
 * <p>Called from the session's handshake thread, and from the thread that calls {@code close()} once the handshake
 * task has ended, so implementations must be thread safe. The bytes are only valid during the call: an implementation
 * that hands them to another thread must copy them. It must not block for long and should not throw; an exception is
 * reported to the session listener as {@link DtlsFailure#INTERNAL}.
 */
@FunctionalInterface
public interface DatagramSender {

    void send(byte[] data, int off, int len);
}
