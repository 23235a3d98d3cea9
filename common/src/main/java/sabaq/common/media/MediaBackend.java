package sabaq.common.media;

/**
 * A media backend (Sabaq's own SFU, or Kurento) as seen by signalling. Implementations are thread safe: every method
 * may be called from any thread and never blocks; results arrive as {@link java.util.concurrent.CompletionStage}s.
 */
public interface MediaBackend extends AutoCloseable {

    /** Opens the media side of a lesson. The listener is called from media threads and must not block. */
    MediaRoom openRoom(String roomId, MediaRoomListener listener);

    /** Stops the backend and closes every room. Idempotent. */
    @Override
    void close();
}
