package sabaq.signalling.ops;

import java.util.concurrent.CompletionStage;

/**
 * One dependency {@code /readyz} asks about, e.g. the media server socket or (with the accounts work) the Cassandra
 * session. The server is ready when every check completes normally within the readiness timeout.
 */
public interface ReadinessCheck {

    /** Short name shown in the {@code /readyz} JSON, e.g. {@code media} or {@code storage}. */
    String name();

    /**
     * Starts the check; completes normally when the dependency is usable, exceptionally with the reason when not.
     * Called on an event loop: must not block.
     */
    CompletionStage<Void> check();
}
