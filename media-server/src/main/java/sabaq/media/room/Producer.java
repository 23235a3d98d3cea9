package sabaq.media.room;

import sabaq.common.media.TrackKind;
import sabaq.common.media.TrackSource;
import sabaq.media.rtp.RtpHeaderExtensions;
import sabaq.media.rtp.RtpPacket;
import sabaq.media.rtp.Vp8PayloadDescriptor;
import sabaq.media.sdp.NegotiatedMedia;

import java.util.ArrayList;
import java.util.List;

/**
 * A published track: the browser's audio, camera or screen. Owns its incoming streams (one, or one per simulcast
 * layer, lowest first as the rids were offered) and fans every packet out to its consumers. Event loop only.
 */
public final class Producer {
    private final String trackId;
    private final TrackKind kind;
    private final TrackSource source;
    private final Peer owner;
    private final String mid;
    private NegotiatedMedia media;
    private final IncomingStream[] layers;
    private final List<Consumer> consumers = new ArrayList<>();
    /** Within this time a packet with a sequence number already cached is a duplicate, not a wrapped-around one. */
    private static final long DUPLICATE_WINDOW_NANOS = 10_000_000_000L;
    private boolean paused;
    private boolean closed;
    private long duplicates;
    private int priority;

    // Audio level (RFC 6464) of the last interval: the loudest level seen (0 = loudest dBov, 127 = silence).
    private int loudestLevelInInterval = 127;
    private boolean voiceInInterval;

    Producer(String trackId, TrackKind kind, TrackSource source, Peer owner, NegotiatedMedia media,
             IntSupplierOfIds ids, int cacheSize) {
        this.trackId = trackId;
        this.kind = kind;
        this.source = source;
        this.owner = owner;
        this.mid = media.mid();
        this.media = media;
        List<String> rids = media.rids();
        int n = Math.max(1, rids.size());
        layers = new IncomingStream[n];
        for (int i = 0; i < n; i++) {
            layers[i] = new IncomingStream(ids.next(), this, i, rids.isEmpty() ? null : rids.get(i), cacheSize);
        }
    }

    /** Source ids are unique in a room, so a consumer can tell a new stream from an old one. */
    interface IntSupplierOfIds {
        int next();
    }

    public String trackId() {
        return trackId;
    }

    public TrackKind kind() {
        return kind;
    }

    public TrackSource source() {
        return source;
    }

    public Peer owner() {
        return owner;
    }

    public String mid() {
        return mid;
    }

    public NegotiatedMedia media() {
        return media;
    }

    void updateMedia(NegotiatedMedia m) {
        this.media = m;
    }

    public int layerCount() {
        return layers.length;
    }

    public IncomingStream layer(int i) {
        return layers[i];
    }

    IncomingStream layerByRid(String rid) {
        for (IncomingStream s : layers) if (rid.equals(s.rid())) return s;
        return null;
    }

    IncomingStream streamBySourceId(int sourceId) {
        for (IncomingStream s : layers) if (s.sourceId() == sourceId) return s;
        return null;
    }

    /** Highest layer index at or below {@code maxLayer} that is sending now; -1 when none is. */
    int highestActiveLayer(int maxLayer, long nowNanos) {
        for (int i = Math.min(maxLayer, layers.length - 1); i >= 0; i--) {
            if (layers[i].isActive(nowNanos)) return i;
        }
        return -1;
    }

    /** Higher goes first when a subscriber's bandwidth is short. */
    public int priority() {
        return priority;
    }

    void setPriority(int p) {
        this.priority = p;
    }

    /** Packets dropped because an identical sequence number was already received (RTX padding, duplicates). */
    public long duplicates() {
        return duplicates;
    }

    public int clockRate() {
        return media.clockRate();
    }

    public boolean isPaused() {
        return paused;
    }

    void setPaused(boolean p) {
        this.paused = p;
    }

    List<Consumer> consumers() {
        return consumers;
    }

    void addConsumer(Consumer c) {
        consumers.add(c);
    }

    void removeConsumer(Consumer c) {
        consumers.remove(c);
    }

    /** A decrypted media packet of one of this track's streams (RTX already unwrapped). */
    void onRtp(IncomingStream s, byte[] buf, int off, int len, long nowNanos) {
        int seq = RtpPacket.sequenceNumber(buf, off, len);
        long ts = RtpPacket.timestamp(buf, off, len);
        int headerLen = RtpPacket.headerLength(buf, off, len);
        int payloadLen = RtpPacket.payloadLength(buf, off, len);
        if (headerLen < 0 || payloadLen < 0) return;
        int cached = s.cache().find(seq);
        if (cached >= 0 && nowNanos - s.cache().storedNanos(cached) < DUPLICATE_WINDOW_NANOS) {
            // A retransmission of something we already have: browsers probe their uplink by resending recent
            // packets over RTX. Forwarding it would spend every subscriber's bandwidth on nothing.
            duplicates++;
            return;
        }
        s.stats().onPacket(seq, ts, nowNanos, media.clockRate(), payloadLen);
        s.onPacketReceived(nowNanos, len);
        if (media.feedback().nack() && s.nacks().onPacket(seq, nowNanos)) {
            owner.sendNacks(s, nowNanos);
        }
        s.cache().put(seq, buf, off, len, nowNanos);
        boolean keyframe = false;
        if (kind == TrackKind.VIDEO) {
            keyframe = payloadLen > 0 && Vp8PayloadDescriptor.isKeyframe(buf, off + headerLen, payloadLen);
            if (keyframe) s.onKeyframe(nowNanos);
        } else if (media.extensions().audioLevel() > 0) {
            int id = media.extensions().audioLevel();
            int level = RtpHeaderExtensions.audioLevel(buf, off, len, id);
            if (level >= 0) {
                if (level < loudestLevelInInterval) loudestLevelInInterval = level;
                if (RtpHeaderExtensions.voiceActivity(buf, off, len, id)) voiceInInterval = true;
            }
        }
        if (paused || closed) return;
        for (int i = 0, n = consumers.size(); i < n; i++) {
            consumers.get(i).onPacket(s, buf, off, len, keyframe, nowNanos);
        }
    }

    /** Sender report of one of this track's streams: let subscribers translate it. */
    void onSenderReport(IncomingStream s, long ntp, long rtpTs, long nowNanos) {
        s.onSenderReport(ntp, rtpTs, nowNanos);
        for (int i = 0, n = consumers.size(); i < n; i++) consumers.get(i).onSourceSenderReport(s);
    }

    /** Asks the publisher for a keyframe on one stream (PLI, or FIR), at most once per configured interval. */
    void requestKeyframe(IncomingStream s, long nowNanos) {
        owner.requestKeyframe(this, s, nowNanos);
    }

    /** Audio level of the last speaker interval, then resets: 127 when silent or no voice activity flag. */
    int takeIntervalLevel() {
        int level = voiceInInterval ? loudestLevelInInterval : 127;
        loudestLevelInInterval = 127;
        voiceInInterval = false;
        return level;
    }

    boolean isClosed() {
        return closed;
    }

    /** Stops forwarding and detaches every consumer. Idempotent. */
    void close() {
        if (closed) return;
        closed = true;
        for (Consumer c : new ArrayList<>(consumers)) c.close();
        consumers.clear();
    }
}
