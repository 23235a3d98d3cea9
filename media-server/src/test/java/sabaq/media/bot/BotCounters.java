package sabaq.media.bot;

/**
 * A snapshot of a bot's own counters (see {@link WebRtcBot#counters()}).
 *
 * @param srtpNotReady      SRTP datagrams that arrived before DTLS gave us keys (kept, processed once keys came)
 * @param srtpAuthFailures  SRTP/SRTCP that failed authentication or was malformed
 * @param unknownSsrc       RTP on an SSRC no answer announced
 * @param simulatedLoss     received RTP dropped on purpose ({@link WebRtcBot#setReceiveDropPercent})
 * @param simulatedSendLoss our RTP dropped on purpose before sending ({@link WebRtcBot#setSendDropPercent})
 * @param retransmissionsSent packets we resent for the SFU's NACKs
 * @param taskErrors        exceptions in the bot's periodic tasks (a bot bug; should stay 0)
 */
public record BotCounters(long rtpSent, long rtcpSent, long protectFailures, long socketSendErrors,
                          long datagramsReceived, long srtpNotReady, long srtpAuthFailures, long unknownSsrc,
                          long simulatedLoss, long simulatedSendLoss, long nacksSent, long retransmissionsSent, long stunRequests,
                          long stunSuccesses, long stunErrors, long otherDatagrams, long taskErrors) {
}
