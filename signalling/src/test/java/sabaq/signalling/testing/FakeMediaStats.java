package sabaq.signalling.testing;

import sabaq.common.media.MediaRoomStats;
import sabaq.common.media.MediaStats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Media figures a test sets: counters by name, a room snapshot per lesson id, and readiness. */
public final class FakeMediaStats implements MediaStats {
    public static final List<String> COUNTERS = List.of("packets_received", "rtp_forwarded", "drop_srtp_auth",
            "dtls_failures", "internal_errors");

    public final Map<String, Long> counters = new ConcurrentHashMap<>();
    public final Map<String, MediaRoomStats> rooms = new ConcurrentHashMap<>();
    public volatile boolean ready = true;

    public FakeMediaStats() {
        for (String c : COUNTERS) counters.put(c, 0L);
    }

    @Override
    public List<String> counterNames() {
        return COUNTERS;
    }

    @Override
    public long counter(String name) {
        return counters.getOrDefault(name, -1L);
    }

    @Override
    public CompletionStage<List<MediaRoomStats>> roomStats() {
        return CompletableFuture.completedFuture(new ArrayList<>(rooms.values()));
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    /** A room figure with the given loss (both directions) and inbound bit rate. */
    public static MediaRoomStats room(String id, double loss, long bitrate) {
        return new MediaRoomStats(id, 2, 2, 1, 1, bitrate, loss, loss, loss, 42.0);
    }
}
