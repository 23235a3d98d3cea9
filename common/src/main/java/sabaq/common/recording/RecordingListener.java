package sabaq.common.recording;

/** Told when a recording starts, progresses, becomes ready or fails. Called on recorder threads: hand work off. */
@FunctionalInterface
public interface RecordingListener {

    void onRecordingChanged(RecordingSummary summary);
}
