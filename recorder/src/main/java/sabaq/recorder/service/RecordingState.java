package sabaq.recorder.service;

import sabaq.common.recording.RecordingStatus;
import sabaq.common.recording.RecordingSummary;

import java.util.List;

/** The mutable status of one recording, kept by {@link LessonRecorder}. Thread safe. */
final class RecordingState {
    private final String recordingId;
    private final String lessonId;
    private final String title;
    private final String teacherName;
    private final long startedAtMillis;
    private RecordingStatus status = RecordingStatus.RECORDING;
    private int progress;
    private long endedAtMillis;
    private double durationSeconds;
    private String error;
    private List<String> renditions = List.of();

    RecordingState(String recordingId, String lessonId, String title, String teacherName, long startedAtMillis) {
        this.recordingId = recordingId;
        this.lessonId = lessonId;
        this.title = title;
        this.teacherName = teacherName;
        this.startedAtMillis = startedAtMillis;
    }

    /** A recording of an earlier process, as found in storage. */
    static RecordingState stored(String recordingId, String lessonId, String title, String teacherName,
                                 long startedAtMillis, long endedAtMillis, RecordingStatus status, double duration,
                                 List<String> renditions, String error) {
        RecordingState s = new RecordingState(recordingId, lessonId, title, teacherName, startedAtMillis);
        synchronized (s) {
            s.endedAtMillis = endedAtMillis;
            s.status = status;
            s.durationSeconds = duration;
            s.error = error;
            s.renditions = List.copyOf(renditions);
            if (status == RecordingStatus.READY) s.progress = 100;
        }
        return s;
    }

    String recordingId() {
        return recordingId;
    }

    synchronized RecordingStatus status() {
        return status;
    }

    synchronized void processing(long endedAt) {
        status = RecordingStatus.PROCESSING;
        endedAtMillis = endedAt;
        progress = 0;
    }

    /** Sets the progress; true when it changed. */
    synchronized boolean progress(int percent) {
        int p = Math.max(0, Math.min(100, percent));
        if (p <= progress) return false;
        progress = p;
        return true;
    }

    synchronized int progress() {
        return progress;
    }

    synchronized void done(RecordingStatus s, double duration, List<String> names, String why) {
        status = s;
        renditions = s == RecordingStatus.READY ? List.copyOf(names) : List.of();
        durationSeconds = duration;
        error = why;
        if (s == RecordingStatus.READY) progress = 100;
    }

    synchronized RecordingSummary summary() {
        return new RecordingSummary(recordingId, lessonId, title, teacherName, status, progress, startedAtMillis,
                endedAtMillis, durationSeconds, renditions, error);
    }
}
