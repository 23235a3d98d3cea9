package sabaq.recorder.post;

/** Who and what a recording is about, for the manifest and the player. */
public record RecordingMeta(String lessonId, String recordingId, String title, String teacherName, String keyPrefix) {
}
