package sabaq.common.recording;

import java.util.Objects;

/**
 * What the recorder needs to join a lesson like any other participant.
 *
 * @param lessonId     the lesson to record
 * @param title        lesson title (for the manifest)
 * @param teacherName  the teacher's display name (for the manifest and the player)
 * @param webSocketUrl the signalling WebSocket, e.g. {@code ws://127.0.0.1:8080/ws}
 * @param joinToken    a join token of this lesson the recorder joins with (docs/protocol.md section 1)
 */
public record RecordingRequest(String lessonId, String title, String teacherName, String webSocketUrl, String joinToken) {
    public RecordingRequest {
        Objects.requireNonNull(lessonId, "lessonId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(teacherName, "teacherName");
        Objects.requireNonNull(webSocketUrl, "webSocketUrl");
        Objects.requireNonNull(joinToken, "joinToken");
    }

    /** Hides the token. */
    @Override
    public String toString() {
        return "RecordingRequest[lessonId=" + lessonId + ", webSocketUrl=" + webSocketUrl + "]";
    }
}
