package sabaq.media.dtls;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a DTLS-SRTP session.
 *
 * @param handshakeTimeout     the whole handshake must finish within this (counted from the start of the handshake
 *                             task); afterwards the session fails with {@link DtlsFailure#TIMEOUT}
 * @param retransmitTimeout    initial DTLS flight retransmission timer, doubled on each retransmission
 *                             (RFC 6347 section 4.2.4.1 suggests 1 s)
 * @param postHandshakeLinger  how long the task keeps reading after the handshake, so that a retransmitted final
 *                             client flight is answered and a close_notify is noticed; DTLS datagrams arriving later
 *                             are dropped and counted
 * @param profiles             allowed SRTP profiles in order of preference; a server picks the first one the client
 *                             offers, a client offers them in this order
 * @param inboundQueueCapacity datagrams buffered between the event loop and the handshake thread; more are dropped
 */
public record DtlsConfig(Duration handshakeTimeout, Duration retransmitTimeout, Duration postHandshakeLinger,
                         List<SrtpProfile> profiles, int inboundQueueCapacity) {

    public DtlsConfig {
        requirePositive(handshakeTimeout, "handshakeTimeout");
        requirePositive(retransmitTimeout, "retransmitTimeout");
        Objects.requireNonNull(postHandshakeLinger, "postHandshakeLinger");
        if (postHandshakeLinger.isNegative()) {
            throw new IllegalArgumentException("postHandshakeLinger must not be negative");
        }
        profiles = List.copyOf(Objects.requireNonNull(profiles, "profiles"));
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("at least one SRTP profile is required");
        }
        if (EnumSet.copyOf(profiles).size() != profiles.size()) {
            throw new IllegalArgumentException("duplicate SRTP profile in " + profiles);
        }
        if (inboundQueueCapacity < 1) {
            throw new IllegalArgumentException("inboundQueueCapacity must be at least 1");
        }
    }

    /** 15 s handshake timeout, 1 s initial retransmission, 30 s linger, GCM then CM, 64 queued datagrams. */
    public static DtlsConfig defaults() {
        return new DtlsConfig(Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofSeconds(30),
                List.of(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES_CM_128_HMAC_SHA1_80), 64);
    }

    public DtlsConfig withHandshakeTimeout(Duration timeout) {
        return new DtlsConfig(timeout, retransmitTimeout, postHandshakeLinger, profiles, inboundQueueCapacity);
    }

    public DtlsConfig withRetransmitTimeout(Duration timeout) {
        return new DtlsConfig(handshakeTimeout, timeout, postHandshakeLinger, profiles, inboundQueueCapacity);
    }

    public DtlsConfig withPostHandshakeLinger(Duration linger) {
        return new DtlsConfig(handshakeTimeout, retransmitTimeout, linger, profiles, inboundQueueCapacity);
    }

    public DtlsConfig withProfiles(List<SrtpProfile> preference) {
        return new DtlsConfig(handshakeTimeout, retransmitTimeout, postHandshakeLinger, preference,
                inboundQueueCapacity);
    }

    public DtlsConfig withInboundQueueCapacity(int capacity) {
        return new DtlsConfig(handshakeTimeout, retransmitTimeout, postHandshakeLinger, profiles, capacity);
    }

    int handshakeTimeoutMillis() {
        return toIntMillis(handshakeTimeout);
    }

    int retransmitTimeoutMillis() {
        return toIntMillis(retransmitTimeout);
    }

    private static int toIntMillis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
