package sabaq.signalling.recording;

import sabaq.common.recording.RecordingException;
import sabaq.common.recording.RecordingListener;
import sabaq.common.recording.RecordingRequest;
import sabaq.common.recording.RecordingService;
import sabaq.common.recording.RecordingSummary;
import sabaq.common.recording.StoredFile;

import java.util.List;
import java.util.Optional;

/** The recording service of a server without a recorder: nothing is recorded, nothing is listed. */
public final class NoRecordings implements RecordingService {
    public static final NoRecordings INSTANCE = new NoRecordings();

    private NoRecordings() {
    }

    @Override
    public String start(RecordingRequest request) {
        throw new RecordingException("recording is not available on this server");
    }

    @Override
    public void lessonEnded(String lessonId) {
    }

    @Override
    public boolean isRecording(String lessonId) {
        return false;
    }

    @Override
    public List<RecordingSummary> recordings(String lessonId) {
        return List.of();
    }

    @Override
    public Optional<StoredFile> openObject(String lessonId, String recordingId, String path) {
        return Optional.empty();
    }

    @Override
    public void addListener(RecordingListener listener) {
    }
}
