package sabaq.signalling.recording;

import java.util.Optional;

/**
 * Who may watch a lesson's recordings. Until accounts exist, "the participants of the lesson" are the holders of a
 * valid join token for it ({@link JoinTokenRecordingAccess}); the accounts work replaces this with a check of the
 * signed-in user (the lesson's group, its teacher, staff). Thread safe, non-blocking.
 */
public interface RecordingAccess {

    /** The viewer behind {@code credential} (the bearer token of the request), or empty when not allowed. */
    Optional<Viewer> viewer(String credential, String lessonId);

    /**
     * Someone allowed to watch.
     *
     * @param mayDownloadOriginal the teacher may also download the original (all tracks, not re-encoded)
     */
    record Viewer(String role, boolean mayDownloadOriginal) {
    }
}
