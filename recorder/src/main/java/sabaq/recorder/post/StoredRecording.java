package sabaq.recorder.post;

import sabaq.recorder.session.LessonRecording;

import java.util.List;

/**
 * A recording as its stored manifest ({@link Manifest#FILE}) or pending manifest ({@link Manifest#PENDING_FILE})
 * describes it, read back by {@link ManifestReader} when the recorder starts.
 *
 * @param status     {@code ready}, {@code empty}, {@code failed} or {@code processing} (the pending manifest: the
 *                   lesson ended and post-processing started, but no final manifest was written)
 * @param error      why an {@code empty} recording is empty or a {@code failed} one failed, else null
 * @param renditions HLS rendition names of a ready recording, else empty
 * @param snapshot   tracks, participants and stored segments: enough to run post-processing again
 */
public record StoredRecording(RecordingMeta meta, String status, String error, long startedAtMillis, long endedAtMillis,
                              double durationSeconds, List<String> renditions, LessonRecording.Snapshot snapshot) {
    public StoredRecording {
        renditions = List.copyOf(renditions);
    }
}
