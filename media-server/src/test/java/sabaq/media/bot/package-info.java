/**
 * A Java WebRTC client ("bot") that behaves like a Chrome tab toward the SFU over real UDP: Unified Plan offer,
 * ICE (controlling, against our ICE-lite), DTLS client, SRTP, synthetic Opus and VP8 (simulcast q/h/f) with the
 * header extensions Chrome sends, RTCP (SR/RR/SDES, NACK, PLI), and per-SSRC receive statistics. Shipped in the
 * media-server test jar for the launcher and load tests.
 *
 * <pre>
 * WebRtcBot a = WebRtcBot.create(BotOptions.builder("a")
 *         .track(BotTrack.sendAudio("0", "a-mic")).track(BotTrack.sendSimulcastVideo("1", "a-cam")).build());
 * a.negotiate(room.addPeer("a"), Duration.ofSeconds(5));   // offer, answer, then ICE + DTLS start
 * a.awaitConnected(Duration.ofSeconds(5));
 * a.startMedia();
 * // a subscriber: BotTrack.receive("0", TrackKind.VIDEO, "a-cam"); poll bot.received("0").packets() ...
 * </pre>
 *
 * Many bots can share one scheduler and one DTLS executor ({@link sabaq.media.bot.BotOptions.Builder#scheduler},
 * {@link sabaq.media.bot.BotOptions.Builder#dtlsExecutor}); each has its own socket and receive thread.
 * {@link sabaq.media.bot.RawUdpClient} and {@link sabaq.media.bot.GarbageDatagrams} are for attack and fuzz traffic.
 */
package sabaq.media.bot;
