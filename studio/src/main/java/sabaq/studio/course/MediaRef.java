package sabaq.studio.course;

/**
 * A media or subtitle file a lesson uses.
 *
 * @param kind {@code upload} (an object in the studio bucket, {@code key} = {@code uploads/<id>/<name>}) or
 *             {@code recording} (a Sabaq recording, {@code key} = {@code <lessonId>/<recordingId>}: its 720p and audio
 *             renditions in the recorder's bucket)
 * @param name the file name shown to staff
 */
public record MediaRef(String kind, String key, String name) {
    public static final String UPLOAD = "upload";
    public static final String RECORDING = "recording";

    public MediaRef {
        name = name == null ? "" : name;
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isRecording() {
        return RECORDING.equals(kind);
    }
}
