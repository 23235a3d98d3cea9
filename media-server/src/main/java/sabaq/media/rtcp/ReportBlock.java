package sabaq.media.rtcp;

/**
 * A reception report block of an SR or RR (RFC 3550 section 6.4.1).
 *
 * @param ssrc source this block reports on
 * @param fractionLost loss since the previous report, 8-bit fixed point (0..255 = 0..255/256)
 * @param cumulativeLost packets lost since the beginning, 24-bit signed (-8388608..8388607)
 * @param extendedHighestSeq cycles * 65536 + highest sequence number received, unsigned 32-bit
 * @param jitter interarrival jitter in timestamp units, unsigned 32-bit
 * @param lastSr middle 32 bits of the NTP timestamp of the last SR received from the source (0 if none)
 * @param delaySinceLastSr delay since that SR in units of 1/65536 s (0 if none)
 */
public record ReportBlock(long ssrc, int fractionLost, int cumulativeLost, long extendedHighestSeq, long jitter,
        long lastSr, long delaySinceLastSr) {
}
