package sabaq.common.recording;

import java.util.List;
import java.util.Objects;

/**
 * One recording of a lesson as the lesson page lists it.
 *
 * @param progressPercent  0–100 while {@link RecordingStatus#PROCESSING}, 100 when ready
 * @param startedAtMillis  epoch ms when recording started
 * @param endedAtMillis    epoch ms when it stopped, 0 while recording
 * @param durationSeconds  length of the playable composite, 0 before it exists
 * @param renditions       HLS rendition names (e.g. 720p, 360p, audio), empty before ready
 * @param error            a short reason for FAILED or EMPTY, otherwise null
 */
public record RecordingSummary(String recordingId, String lessonId, String title, String teacherName,
                               RecordingStatus status, int progressPercent, long startedAtMillis, long endedAtMillis,
                               double durationSeconds, List<String> renditions, String error) {
    public RecordingSummary {
        Objects.requireNonNull(recordingId, "recordingId");
        Objects.requireNonNull(lessonId, "lessonId");
        Objects.requireNonNull(status, "status");
        renditions = List.copyOf(renditions);
    }
}
