package sabaq.signalling.testing;

import sabaq.common.recording.RecordingException;
import sabaq.common.recording.RecordingListener;
import sabaq.common.recording.RecordingRequest;
import sabaq.common.recording.RecordingService;
import sabaq.common.recording.RecordingSummary;
import sabaq.common.recording.StoredFile;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A recording service for tests that lists the recordings a test puts in; it records nothing itself. */
public final class FakeRecordingService implements RecordingService {
    private final Map<String, List<RecordingSummary>> byLesson = new ConcurrentHashMap<>();

    public void add(RecordingSummary s) {
        byLesson.computeIfAbsent(s.lessonId(), k -> new CopyOnWriteArrayList<>()).add(s);
    }

    @Override
    public String start(RecordingRequest request) {
        throw new RecordingException("the fake recording service does not record");
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
        return List.copyOf(byLesson.getOrDefault(lessonId, List.of()));
    }

    @Override
    public Optional<StoredFile> openObject(String lessonId, String recordingId, String path) {
        return Optional.empty();
    }

    @Override
    public void addListener(RecordingListener listener) {
    }
}
