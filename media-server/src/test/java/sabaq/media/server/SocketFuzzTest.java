package sabaq.media.server;

import org.junit.jupiter.api.Test;
import sabaq.common.media.MediaConnectionState;
import sabaq.common.media.MediaRoom;
import sabaq.common.media.TrackKind;
import sabaq.common.test.Poll;
import sabaq.media.bot.BotOptions;
import sabaq.media.bot.BotTrack;
import sabaq.media.bot.GarbageDatagrams;
import sabaq.media.bot.RawUdpClient;
import sabaq.media.bot.ReceivedStream;
import sabaq.media.bot.RecordingRoomListener;
import sabaq.media.bot.WebRtcBot;
import sabaq.media.transport.MediaCounters.Counter;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 50 000 hostile datagrams ({@link GarbageDatagrams}, fixed seed) from four strangers' addresses and from the real
 * address of publisher A (so they reach its SRTP and DTLS sessions), while A streams to B: nothing may throw inside
 * the SFU, and the flow must survive.
 */
class SocketFuzzTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int DATAGRAMS = 50_000;
    /** Datagrams sent before waiting for the server to catch up, so the kernel's socket buffer never overflows. */
    private static final int BURST = 256;

    @Test
    void garbageFromManyAddressesNeverBreaksTheServerOrTheFlow() {
        RecordingRoomListener events = new RecordingRoomListener();
        try (MediaServer sfu = TestSfu.start("");
             WebRtcBot a = WebRtcBot.create(BotOptions.builder("a").seed(41)
                     .track(BotTrack.sendAudio("0", "a-mic")).track(BotTrack.sendVideo("1", "a-cam")).build());
             WebRtcBot b = WebRtcBot.create(BotOptions.builder("b").seed(42)
                     .track(BotTrack.receive("0", TrackKind.AUDIO, "a-mic"))
                     .track(BotTrack.receive("1", TrackKind.VIDEO, "a-cam")).build())) {
            MediaRoom room = sfu.openRoom("lesson", events);
            a.negotiate(room.addPeer("a"), WAIT);
            b.negotiate(room.addPeer("b"), WAIT);
            a.awaitConnected(WAIT);
            b.awaitConnected(WAIT);
            a.startMedia();
            ReceivedStream video = Poll.until(WAIT, () -> b.received("1"), s -> s != null && s.packets() > 30, "flow");

            InetSocketAddress target = new InetSocketAddress("127.0.0.1", sfu.port());
            String aUser = a.answer().iceUfrag() + ":" + a.iceUfrag();
            String wrongKey = "0123456789abcdefghijklmn";
            GarbageDatagrams garbage = new GarbageDatagrams(2024);
            List<RawUdpClient> strangers = new ArrayList<>();
            long received0 = sfu.counters().get(Counter.PACKETS_RECEIVED);
            try {
                for (int i = 0; i < 4; i++) strangers.add(new RawUdpClient(target));
                for (int i = 0; i < DATAGRAMS; i++) {
                    byte[] d = garbage.next(aUser, i % 3 == 0 ? a.answer().icePwd() : wrongKey);
                    if (i % 5 == 4) {
                        a.sendRaw(i % 2 == 0 ? garbage.rtpLike() : d);
                    } else {
                        strangers.get(i % 5).send(d);
                    }
                    if (i % BURST == BURST - 1) awaitDrained(sfu, received0 + i + 1);
                }
            } finally {
                strangers.forEach(RawUdpClient::close);
            }

            long before = video.packets();
            Poll.until(WAIT, () -> video.packets() > before + 60, "the flow survives the fuzzing");
            assertEquals(0, sfu.counters().get(Counter.INTERNAL_ERRORS), "nothing threw in the packet path");
            assertEquals(MediaConnectionState.CONNECTED, events.lastStateOf("a"));
            assertEquals(MediaConnectionState.CONNECTED, events.lastStateOf("b"));
            long received = sfu.counters().get(Counter.PACKETS_RECEIVED) - received0;
            assertTrue(received > DATAGRAMS * 9L / 10, "the garbage reached the server: " + received);
        }
    }

    /**
     * Polls until the server has read {@code target} datagrams (A's own media counts too, so this may return
     * early) or its count stopped moving for 20 ms (the socket buffer is drained; a datagram the kernel dropped
     * will never be counted).
     */
    private static void awaitDrained(MediaServer sfu, long target) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long last = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = sfu.counters().get(Counter.PACKETS_RECEIVED);
            if (now >= target) return;
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > 20_000_000L) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(500_000L);
        }
        throw new AssertionError("the server stopped reading its socket");
    }
}
