package sabaq.media.rtcp;

/**
 * One RTCP packet of a compound packet, as decoded by {@link RtcpParser}.
 *
 * <p>SSRCs and other unsigned 32-bit fields are held in longs (0..2^32-1). Array components of the records are not
 * copied: the parser creates fresh arrays, and whoever builds a record to write it hands over its arrays.
 */
public sealed interface RtcpPacket permits SenderReport, ReceiverReport, SourceDescription, Bye,
        PictureLossIndication, FullIntraRequest, GenericNack, Remb, TransportCcFeedback, UnknownRtcp {

    /** Packet type: SR. */
    int SR = 200;
    /** Packet type: RR. */
    int RR = 201;
    /** Packet type: SDES. */
    int SDES = 202;
    /** Packet type: BYE. */
    int BYE = 203;
    /** Packet type: APP. */
    int APP = 204;
    /** Packet type: transport-layer feedback (RFC 4585), FMT 1 generic NACK, FMT 15 transport-cc. */
    int RTPFB = 205;
    /** Packet type: payload-specific feedback (RFC 4585), FMT 1 PLI, FMT 4 FIR, FMT 15 application layer (REMB). */
    int PSFB = 206;
    /** Packet type: extended report (RFC 3611). */
    int XR = 207;
}
