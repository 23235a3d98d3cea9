package sabaq.media.dtls;

/**
 * Outcome of a {@link DtlsServerSession} or {@link DtlsClientSession}. Called on the session's handshake thread, or on
 * the caller's thread when {@code start()} is rejected by the executor or {@code close()} comes before {@code start()};
 * implementations should hand work off quickly and may call {@code close()}.
 *
 * <p>Contract: every session reports exactly one handshake outcome, either {@link #onHandshakeComplete} or
 * {@link #onFailure} (a {@code close()} before completion is reported as {@link DtlsFailure#CLOSED}). After a
 * successful handshake, {@link #onDisconnected} is called at most once if the association ends on the peer's side
 * (close_notify, a fatal alert, or a failure reading its records) while the session still reads, that is within
 * {@link DtlsConfig#postHandshakeLinger()}; a local {@code close()} is not reported back.
 */
public interface DtlsSessionListener {

    void onHandshakeComplete(SrtpKeyMaterial keys);

    void onFailure(DtlsFailure reason, String detail);

    /**
     * The peer ended an established association: {@link DtlsFailure#CLOSED} (close_notify), {@link DtlsFailure#ALERT}
     * or {@link DtlsFailure#INTERNAL}. SRTP keys stay valid; whether to drop the peer is the caller's decision.
     */
    default void onDisconnected(DtlsFailure reason, String detail) {
    }
}
