package sabaq.media.rtcp;

import java.util.List;

/**
 * RTCP sender report (RFC 3550 section 6.4.1, PT 200): sender info plus reception report blocks.
 *
 * @param ntpSeconds NTP timestamp, seconds since 1900 (unsigned 32-bit)
 * @param ntpFraction NTP timestamp, fraction of a second in units of 2^-32 s
 * @param rtpTimestamp RTP timestamp of the same instant as the NTP timestamp
 */
public record SenderReport(long senderSsrc, long ntpSeconds, long ntpFraction, long rtpTimestamp, long packetCount,
        long octetCount, List<ReportBlock> reportBlocks) implements RtcpPacket {

    public SenderReport {
        reportBlocks = List.copyOf(reportBlocks);
    }

    /** The middle 32 bits of the NTP timestamp: the value a receiver puts in LSR (RFC 3550 section 6.4.1). */
    public long ntpMiddle32() {
        return ((ntpSeconds & 0xFFFF) << 16) | ((ntpFraction >>> 16) & 0xFFFF);
    }
}
