package sabaq.media.room;

import sabaq.common.media.MediaConnectionState;
import sabaq.common.media.MediaRoomStats;

/**
 * Reads one room's media figures for the operations page and metrics: peers and their connection, published tracks
 * with their incoming bit rate and the loss the SFU measures on them, subscriptions with the loss and round-trip time
 * their subscribers report. Media event loop only (it reads state owned by that thread).
 */
public final class RoomStatsCollector {
    private RoomStatsCollector() {
    }

    public static MediaRoomStats collect(Room room, long nowNanos) {
        RoomFigures figures = new RoomFigures();
        for (Peer peer : room.peers()) {
            figures.addPeer(peer.transport().state() == MediaConnectionState.CONNECTED);
            for (Producer p : peer.producers()) {
                figures.addProducer();
                for (int i = 0; i < p.layerCount(); i++) {
                    IncomingStream s = p.layer(i);
                    figures.addIncomingStream(s.bitrateBps(), s.isActive(nowNanos), s.reportedFractionLostOrUnknown());
                }
            }
            for (Consumer c : peer.consumers()) {
                figures.addConsumer(c.hasReceiverReport(), c.fractionLost(), c.rttMicros());
            }
        }
        return figures.build(room.id());
    }
}
