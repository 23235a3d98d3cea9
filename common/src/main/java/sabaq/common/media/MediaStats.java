package sabaq.common.media;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What a media backend tells the operations side (metrics, health, alerts) about itself. Implementations are thread
 * safe; no method blocks: counters are read from memory, room figures are computed on the media thread and arrive
 * through a {@link CompletionStage}.
 */
public interface MediaStats {

    /** A backend that reports nothing: no counters, no rooms, always ready. */
    MediaStats NONE = new MediaStats() {
        @Override
        public List<String> counterNames() {
            return List.of();
        }

        @Override
        public long counter(String name) {
            return -1;
        }

        @Override
        public CompletionStage<List<MediaRoomStats>> roomStats() {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public boolean isReady() {
            return true;
        }
    };

    /**
     * Names of the server-wide counters, lower-case words joined by {@code _} (for example {@code packets_received},
     * {@code drop_srtp_auth}, {@code internal_errors}). Names starting with {@code drop_} count dropped packets by
     * reason. The list does not change while the backend runs.
     */
    List<String> counterNames();

    /** The current value of a counter (monotonic), or -1 when there is no counter of that name. */
    long counter(String name);

    /** One snapshot per open room, computed on the media thread. */
    CompletionStage<List<MediaRoomStats>> roomStats();

    /** True while the backend can take new peers (its socket is bound and open). */
    boolean isReady();
}
