package sabaq.media.room;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.media.MediaConnectionState;
import sabaq.common.media.MediaPeer;
import sabaq.common.media.MediaRoom;
import sabaq.common.media.MediaRoomListener;
import sabaq.common.media.TrackKind;
import sabaq.media.transport.MediaServerContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One lesson in the SFU: its peers and the tracks they publish. Lives on the media event loop; public methods may be
 * called from any thread. Closing the room closes every peer; a closed peer removes its tracks, which detaches every
 * subscription to them.
 */
public final class Room implements MediaRoom {
    private static final Logger LOG = LoggerFactory.getLogger(Room.class);

    private final String id;
    private final MediaServerContext ctx;
    private final MediaRoomListener listener;
    private final Consumer<Room> onClosed;
    private final Map<String, Peer> peers = new LinkedHashMap<>();
    private final Map<String, Producer> producers = new HashMap<>();
    private final OutboundPacketWriter writer = new OutboundPacketWriter();
    private final ActiveSpeakerDetector speakers;
    private long lastSpeakerNanos;
    private int nextSourceId = 1;
    private boolean closed;

    public Room(String id, MediaServerContext ctx, MediaRoomListener listener, Consumer<Room> onClosed) {
        this.id = id;
        this.ctx = ctx;
        this.listener = listener;
        this.onClosed = onClosed;
        this.speakers = new ActiveSpeakerDetector(ctx.config().speakerThresholdDbov(), 2, 7);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public MediaPeer addPeer(String peerId) {
        Peer peer = new Peer(peerId, this, ctx);
        ctx.udp().eventLoop().execute(() -> {
            if (closed) {
                peer.closeOnLoop();
                return;
            }
            Peer old = peers.put(peerId, peer);
            if (old != null && old != peer) old.closeOnLoop();
            peer.start();
        });
        return peer;
    }

    @Override
    public void close() {
        ctx.udp().eventLoop().execute(this::closeOnLoop);
    }

    private void closeOnLoop() {
        if (closed) return;
        closed = true;
        for (Peer p : new ArrayList<>(peers.values())) p.closeOnLoop();
        peers.clear();
        producers.clear();
        onClosed.accept(this);
        LOG.info("room {} closed", id);
    }

    int nextSourceId() {
        return nextSourceId++;
    }

    OutboundPacketWriter writer() {
        return writer;
    }

    Producer producer(String trackId) {
        return producers.get(trackId);
    }

    void addProducer(Producer p) {
        Producer old = producers.put(p.trackId(), p);
        if (old != null && old != p) old.close();
    }

    void removeProducer(Producer p) {
        producers.remove(p.trackId(), p);
    }

    void onPeerClosed(Peer p) {
        peers.remove(p.id(), p);
    }

    void onPeerQuality(Peer p, sabaq.common.media.ConnectionQuality q) {
        notifyListener(l -> l.onConnectionQuality(p.id(), q));
    }

    void onPeerState(Peer p, MediaConnectionState state) {
        notifyListener(l -> l.onPeerConnectionState(p.id(), state));
    }

    /** Media-thread tick: periodic peer work and active speaker detection. */
    public void onTick(long nowNanos) {
        if (closed) return;
        for (Peer p : new ArrayList<>(peers.values())) p.onTick(nowNanos);
        if (nowNanos - lastSpeakerNanos >= ctx.config().speakerInterval().toNanos()) {
            lastSpeakerNanos = nowNanos;
            Map<String, Integer> levels = new HashMap<>();
            for (Producer pr : producers.values()) {
                if (pr.kind() != TrackKind.AUDIO) continue;
                int level = pr.takeIntervalLevel();
                if (!pr.isPaused()) levels.merge(pr.owner().id(), level, Math::min);
            }
            if (speakers.onInterval(levels)) {
                String s = speakers.speaker();
                notifyListener(l -> l.onActiveSpeaker(s));
            }
        }
    }

    private void notifyListener(Consumer<MediaRoomListener> call) {
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            LOG.error("room {} listener threw", id, e);
        }
    }

    /** A snapshot for tests and the operations page; event loop only. */
    public List<Peer> peers() {
        return new ArrayList<>(peers.values());
    }
}
