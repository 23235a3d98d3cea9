package sabaq.media.server;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sabaq.common.media.MediaRoom;
import sabaq.common.media.MediaRoomListener;
import sabaq.common.media.MediaRoomStats;
import sabaq.common.test.Poll;
import sabaq.common.time.TimeSource;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link MediaServer} as {@link sabaq.common.media.MediaStats}: counters by name, room snapshots, readiness. */
class MediaServerStatsTest {
    private MediaServer server;

    @BeforeEach
    void start() throws Exception {
        server = MediaServer.start(MediaServerConfig.from(ConfigFactory.parseString("sabaq.media.port = 0")
                .withFallback(ConfigFactory.defaultReference()).resolve()), TimeSource.SYSTEM);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void countersAreNamedInLowerCaseAndReadLive() throws Exception {
        List<String> names = server.counterNames();
        assertTrue(names.containsAll(List.of("packets_received", "packets_sent", "rtp_forwarded", "drop_srtp_auth",
                "drop_unknown_protocol", "dtls_failures", "internal_errors")), names.toString());
        assertEquals(-1, server.counter("no_such_counter"));
        long before = server.counter("drop_unknown_protocol");
        try (DatagramSocket s = new DatagramSocket()) {
            byte[] junk = {(byte) 0xFF, 1, 2, 3};
            s.send(new DatagramPacket(junk, junk.length, InetAddress.getLoopbackAddress(), server.port()));
        }
        Poll.until(Duration.ofSeconds(5), () -> server.counter("drop_unknown_protocol") == before + 1,
                "the junk datagram to be counted as a drop");
        assertTrue(server.counter("packets_received") >= 1);
    }

    @Test
    void roomSnapshotsAreTakenOnTheMediaThread() throws Exception {
        assertEquals(List.of(), server.roomStats().toCompletableFuture().get(5, TimeUnit.SECONDS));
        MediaRoom room = server.openRoom("lesson-1", MediaRoomListener.NONE);
        room.addPeer("teacher");
        room.addPeer("student");
        List<MediaRoomStats> stats = server.roomStats().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(1, stats.size());
        MediaRoomStats s = stats.get(0);
        assertEquals("lesson-1", s.roomId());
        assertEquals(2, s.peers(), "peers added before the snapshot are in it (same media thread, in order)");
        assertEquals(0, s.connectedPeers());
        assertEquals(0, s.producers());
        assertEquals(-1, s.loss());
        room.close();
        Poll.until(Duration.ofSeconds(5), () -> server.roomStats().toCompletableFuture().join().isEmpty(),
                "the closed room to leave the snapshot");
    }

    @Test
    void readyWhileTheSocketIsOpen() {
        assertTrue(server.isReady());
        server.close();
        assertFalse(server.isReady());
        assertEquals(List.of(), server.roomStats().toCompletableFuture().join());
    }
}
