package sabaq.media.server;

import org.junit.jupiter.api.Test;
import sabaq.common.media.MediaConnectionState;
import sabaq.common.media.MediaRoom;
import sabaq.common.media.TrackKind;
import sabaq.common.test.Poll;
import sabaq.media.bot.BotOptions;
import sabaq.media.bot.BotTrack;
import sabaq.media.bot.ReceivedStream;
import sabaq.media.bot.RecordingRoomListener;
import sabaq.media.bot.WebRtcBot;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A peer whose packets stop is reported DISCONNECTED after ice.disconnect-timeout, and CONNECTED when they resume. */
class PeerTimeoutTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void silentPeerBecomesDisconnectedAndComesBack() {
        RecordingRoomListener events = new RecordingRoomListener();
        try (MediaServer sfu = TestSfu.start("sabaq.media.ice.disconnect-timeout = 1 second");
             WebRtcBot a = WebRtcBot.create(BotOptions.builder("a").seed(31)
                     .consentInterval(Duration.ofMillis(300))
                     .track(BotTrack.sendAudio("0", "a-mic")).build());
             WebRtcBot b = WebRtcBot.create(BotOptions.builder("b").seed(32).rtcpInterval(Duration.ofMillis(300))
                     .consentInterval(Duration.ofMillis(300))
                     .track(BotTrack.receive("0", TrackKind.AUDIO, "a-mic")).build())) {
            MediaRoom room = sfu.openRoom("lesson", events);
            a.negotiate(room.addPeer("a"), WAIT);
            b.negotiate(room.addPeer("b"), WAIT);
            a.awaitConnected(WAIT);
            b.awaitConnected(WAIT);
            a.startMedia();
            ReceivedStream audio = Poll.until(WAIT, () -> b.received("0"), s -> s != null && s.packets() > 10, "audio");

            a.setSilent(true);
            long silentSince = System.nanoTime();
            Poll.until(WAIT, () -> events.lastStateOf("a") == MediaConnectionState.DISCONNECTED, "A disconnected");
            long tookMillis = (System.nanoTime() - silentSince) / 1_000_000;
            assertTrue(tookMillis >= 900, "not before the 1 s timeout: " + tookMillis + " ms");
            assertEquals(MediaConnectionState.CONNECTED, events.lastStateOf("b"), "B kept talking and stays connected");

            a.setSilent(false);
            Poll.until(WAIT, () -> events.lastStateOf("a") == MediaConnectionState.CONNECTED, "A back after its next STUN");
            long packets = audio.packets();
            Poll.until(WAIT, () -> audio.packets() > packets + 10, "audio flows again");
            // On a starved machine a later stall may flap the state again; the first four transitions are the contract.
            assertEquals(List.of(MediaConnectionState.CONNECTING, MediaConnectionState.CONNECTED,
                    MediaConnectionState.DISCONNECTED, MediaConnectionState.CONNECTED), events.statesOf("a").subList(0, 4));
        }
    }
}
