package sabaq.media.transport;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** Server-wide packet counters, one per reason. Written on the media thread, readable from any thread. */
public final class MediaCounters {

    public enum Counter {
        PACKETS_RECEIVED,
        PACKETS_SENT,
        /** First byte matches no protocol of RFC 7983 (not STUN, DTLS or RTP/RTCP). */
        DROP_UNKNOWN_PROTOCOL,
        /** DTLS or RTP from an address no valid STUN request came from. */
        DROP_UNKNOWN_ADDRESS,
        DROP_STUN_MALFORMED,
        DROP_STUN_UNKNOWN_USER,
        DROP_STUN_BAD_INTEGRITY,
        DROP_STUN_BAD_FINGERPRINT,
        DROP_SRTP_NOT_READY,
        DROP_SRTP_AUTH,
        DROP_RTP_MALFORMED,
        DROP_RTCP_MALFORMED,
        DROP_RTP_UNKNOWN_SSRC,
        DROP_SEND_BACKLOG,
        DROP_DTLS_QUEUE_FULL,
        RTP_RECEIVED,
        RTP_FORWARDED,
        RTCP_RECEIVED,
        NACKS_RECEIVED,
        RETRANSMISSIONS_SENT,
        KEYFRAME_REQUESTS_SENT,
        DTLS_FAILURES,
        SOCKET_ERRORS,
        INTERNAL_ERRORS
    }

    private final AtomicLongArray values = new AtomicLongArray(Counter.values().length);

    public void increment(Counter c) {
        values.incrementAndGet(c.ordinal());
    }

    public void add(Counter c, long n) {
        values.addAndGet(c.ordinal(), n);
    }

    public long get(Counter c) {
        return values.get(c.ordinal());
    }

    public Map<Counter, Long> snapshot() {
        Map<Counter, Long> m = new EnumMap<>(Counter.class);
        for (Counter c : Counter.values()) m.put(c, values.get(c.ordinal()));
        return m;
    }
}
