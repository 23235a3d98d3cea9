package sabaq.common.media;

/**
 * Media figures of one room (one lesson) at one moment. Loss values are fractions in [0, 1] taken from RTCP receiver
 * reports (RFC 3550 section 6.4.1, "fraction lost" of the last reporting interval); -1 where nothing was reported yet.
 *
 * @param roomId the room id (the lesson id)
 * @param peers participants with a media transport
 * @param connectedPeers peers whose transport is connected (ICE and DTLS done)
 * @param producers tracks published into the room
 * @param consumers subscriptions (one per subscriber and track)
 * @param inboundBitrateBps bits per second received from publishers over the last second, all streams together
 * @param upstreamLoss the worst loss among the publisher streams the SFU receives (from the reports the SFU sends)
 * @param downstreamLoss the mean loss the subscribers report for the streams the SFU sends them
 * @param downstreamLossMax the worst single subscriber's reported loss
 * @param rttMillis mean round-trip time to the subscribers from their reports, -1 when unknown
 */
public record MediaRoomStats(
        String roomId,
        int peers,
        int connectedPeers,
        int producers,
        int consumers,
        long inboundBitrateBps,
        double upstreamLoss,
        double downstreamLoss,
        double downstreamLossMax,
        double rttMillis) {

    /**
     * The lesson's loss figure: the worse of what the publishers lose on their way in and what subscribers lose on
     * average on their way out; -1 when neither was reported.
     */
    public double loss() {
        return Math.max(upstreamLoss, downstreamLoss);
    }
}
