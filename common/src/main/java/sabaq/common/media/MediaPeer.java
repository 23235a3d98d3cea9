package sabaq.common.media;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** One participant's media transport (one ICE/DTLS session, BUNDLE). */
public interface MediaPeer {

    String id();

    /**
     * Applies a browser's SDP offer and returns the answer. {@code publish} names the offer's send m-lines that this
     * participant may publish (anything else the browser sends is refused in the answer); {@code subscribe} names the
     * receive m-lines and the track each should carry. A mid missing from both is answered inactive.
     * Completes exceptionally with {@link MediaException} for a bad offer; the previous state then stays in force.
     */
    CompletionStage<String> negotiate(String offerSdp, List<PublishSpec> publish, List<SubscribeSpec> subscribe);

    /** Stops (or resumes) forwarding one of this peer's published tracks to everyone, e.g. when a teacher mutes a student. */
    void setTrackPaused(String trackId, boolean paused);

    /**
     * Audio only: the subscriber receives no video at all (chosen by the student on a poor line). Backends that
     * cannot do it ignore the call.
     */
    default void setAudioOnly(boolean audioOnly) {
    }

    /** Closes this peer's own published tracks and subscriptions. Idempotent. */
    void close();
}
