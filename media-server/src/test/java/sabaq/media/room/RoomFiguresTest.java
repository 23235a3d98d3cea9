package sabaq.media.room;

import org.junit.jupiter.api.Test;
import sabaq.common.media.MediaRoomStats;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RoomFiguresTest {

    @Test
    void anEmptyRoomHasNoLossFiguresYet() {
        MediaRoomStats s = new RoomFigures().build("r1");
        assertEquals("r1", s.roomId());
        assertEquals(0, s.peers());
        assertEquals(-1, s.upstreamLoss());
        assertEquals(-1, s.downstreamLoss());
        assertEquals(-1, s.downstreamLossMax());
        assertEquals(-1, s.rttMillis());
        assertEquals(-1, s.loss());
    }

    @Test
    void countsPeersTracksAndSubscriptions() {
        RoomFigures f = new RoomFigures();
        f.addPeer(true);
        f.addPeer(false);
        f.addPeer(true);
        f.addProducer();
        f.addProducer();
        f.addConsumer(false, 0, -1);
        MediaRoomStats s = f.build("r");
        assertEquals(3, s.peers());
        assertEquals(2, s.connectedPeers());
        assertEquals(2, s.producers());
        assertEquals(1, s.consumers());
    }

    @Test
    void inboundBitrateAddsOnlyActiveStreams() {
        RoomFigures f = new RoomFigures();
        f.addIncomingStream(150_000, true, -1);
        f.addIncomingStream(500_000, true, -1);
        f.addIncomingStream(1_500_000, false, -1);
        assertEquals(650_000, f.build("r").inboundBitrateBps());
    }

    @Test
    void downstreamLossIsTheMeanOfReportingSubscribersAndMaxIsTheWorst() {
        RoomFigures f = new RoomFigures();
        f.addConsumer(true, 0, 20_000);
        f.addConsumer(true, 64, 40_000);
        f.addConsumer(false, 255, -1);
        MediaRoomStats s = f.build("r");
        assertEquals(32 / 256.0, s.downstreamLoss(), 1e-9, "a consumer without a report is not averaged in");
        assertEquals(64 / 256.0, s.downstreamLossMax(), 1e-9);
        assertEquals(30.0, s.rttMillis(), 1e-9);
        assertEquals(3, s.consumers());
    }

    @Test
    void upstreamLossIsTheWorstStreamAndLessonLossTheWorseDirection() {
        RoomFigures f = new RoomFigures();
        f.addIncomingStream(0, true, 10);
        f.addIncomingStream(0, true, 77);
        f.addConsumer(true, 26, -1);
        MediaRoomStats s = f.build("r");
        assertEquals(77 / 256.0, s.upstreamLoss(), 1e-9);
        assertEquals(77 / 256.0, s.loss(), 1e-9);
    }

    @Test
    void outOfRangeFractionsAreClamped() {
        RoomFigures f = new RoomFigures();
        f.addIncomingStream(0, true, 999);
        f.addConsumer(true, -5, -1);
        MediaRoomStats s = f.build("r");
        assertEquals(255 / 256.0, s.upstreamLoss(), 1e-9);
        assertEquals(0.0, s.downstreamLoss(), 1e-9);
    }
}
