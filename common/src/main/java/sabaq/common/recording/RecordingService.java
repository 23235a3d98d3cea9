package sabaq.common.recording;

import java.util.List;
import java.util.Optional;

/**
 * Lesson recording as signalling sees it (implemented by the recorder module, wired by the launcher). Signalling
 * depends only on this interface, so the recorder can run in-process or behind a remote adapter later.
 *
 * <p>Thread safe. {@link #start}, {@link #lessonEnded}, {@link #isRecording} and {@link #recordings} never block for
 * long (they touch memory only). {@link #openObject} reads object storage and blocks: call it from a worker thread,
 * never from an event loop.
 */
public interface RecordingService {

    /**
     * Starts recording a live lesson: the recorder joins it as a participant with {@code request.joinToken()}.
     * Returns the recording id. Starting a lesson that is already being recorded returns the running recording's id.
     *
     * @throws RecordingException when the recorder cannot record (not configured, too many recordings)
     */
    String start(RecordingRequest request);

    /** The lesson ended: the recorder leaves, finishes its uploads and starts the post-processing job. Idempotent. */
    void lessonEnded(String lessonId);

    /** True while a recording of this lesson is running (the REC indicator). */
    boolean isRecording(String lessonId);

    /** Every recording of a lesson known to this recorder or found in storage, oldest first. */
    List<RecordingSummary> recordings(String lessonId);

    /**
     * Opens one stored file of a recording for playback or download, e.g. {@code hls/master.m3u8},
     * {@code hls/720p/seg_001.ts}, {@code poster.jpg}, {@code original.mkv}. Empty when there is no such file or the
     * path is not one a recording publishes. Blocking.
     */
    Optional<StoredFile> openObject(String lessonId, String recordingId, String path);

    /** Registers a listener for status and progress changes (called from recorder threads; must not block). */
    void addListener(RecordingListener listener);
}
