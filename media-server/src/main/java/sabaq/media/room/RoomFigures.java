package sabaq.media.room;

import sabaq.common.media.MediaRoomStats;

/**
 * Adds up the media figures of one room into a {@link MediaRoomStats}. Fractions lost arrive as the 8-bit fixed-point
 * numbers of RTCP report blocks (RFC 3550 section 6.4.1: lost / expected * 256) and leave as fractions in [0, 1].
 * Plain arithmetic with no room access, so it can be tested on its own; {@link RoomStatsCollector} feeds it.
 */
final class RoomFigures {
    private int peers;
    private int connectedPeers;
    private int producers;
    private int consumers;
    private long inboundBitrateBps;
    private int worstUpstreamLost = -1;
    private long downstreamLostSum;
    private int downstreamReports;
    private int worstDownstreamLost = -1;
    private long rttMicrosSum;
    private int rttReports;

    void addPeer(boolean connected) {
        peers++;
        if (connected) connectedPeers++;
    }

    void addProducer() {
        producers++;
    }

    /**
     * One incoming stream of a producer.
     *
     * @param bitrateBps its bit rate over the last second
     * @param active whether it sent recently (an idle simulcast layer's old bit rate is not counted)
     * @param reportedFractionLost the fraction lost of the SFU's last report on it (0..255), or -1 before any
     */
    void addIncomingStream(long bitrateBps, boolean active, int reportedFractionLost) {
        if (active && bitrateBps > 0) inboundBitrateBps += bitrateBps;
        if (reportedFractionLost >= 0) worstUpstreamLost = Math.max(worstUpstreamLost, clamp(reportedFractionLost));
    }

    /**
     * One subscription.
     *
     * @param hasReport whether the subscriber reported on it yet
     * @param fractionLost the subscriber's last reported fraction lost (0..255)
     * @param rttMicros round-trip time from its last report, or a negative number when unknown
     */
    void addConsumer(boolean hasReport, int fractionLost, long rttMicros) {
        consumers++;
        if (hasReport) {
            int f = clamp(fractionLost);
            downstreamLostSum += f;
            downstreamReports++;
            worstDownstreamLost = Math.max(worstDownstreamLost, f);
        }
        if (rttMicros >= 0) {
            rttMicrosSum += rttMicros;
            rttReports++;
        }
    }

    MediaRoomStats build(String roomId) {
        double downstream = downstreamReports == 0 ? -1 : downstreamLostSum / 256.0 / downstreamReports;
        double rtt = rttReports == 0 ? -1 : rttMicrosSum / 1000.0 / rttReports;
        return new MediaRoomStats(roomId, peers, connectedPeers, producers, consumers, inboundBitrateBps,
                fraction(worstUpstreamLost), downstream, fraction(worstDownstreamLost), rtt);
    }

    private static double fraction(int fixedPoint) {
        return fixedPoint < 0 ? -1 : fixedPoint / 256.0;
    }

    private static int clamp(int fractionLost) {
        return Math.max(0, Math.min(255, fractionLost));
    }
}
