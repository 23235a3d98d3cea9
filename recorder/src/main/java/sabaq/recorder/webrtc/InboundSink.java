package sabaq.recorder.webrtc;

import sabaq.recorder.media.RtpPacketView;

import java.util.List;

/** Where the packets of one subscribed track go (the track's recorder). Called on the peer's threads. */
public interface InboundSink {

    /** A decrypted media packet (a retransmission already unwrapped to its original sequence number). */
    void onPacket(RtpPacketView packet);

    /** Extended sequence numbers still missing, oldest first, for NACKs (RFC 4585 section 6.2.1). */
    List<Long> missing(int max);

    /** Periodic tick (every ~20 ms) on the peer's scheduler: release what waited long enough. */
    void tick(long nowNanos);
}
