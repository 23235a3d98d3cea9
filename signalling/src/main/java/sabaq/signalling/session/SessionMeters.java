package sabaq.signalling.session;

import sabaq.signalling.protocol.ErrorCode;

/**
 * Counts what happens on lesson WebSockets, for metrics. Called on event loops: implementations must be cheap and
 * thread safe and must not block.
 */
public interface SessionMeters {

    /** Counts nothing. */
    SessionMeters NONE = new SessionMeters() {
        @Override
        public void socketOpened() {
        }

        @Override
        public void socketClosed() {
        }

        @Override
        public void messageReceived() {
        }

        @Override
        public void errorSent(ErrorCode code) {
        }
    };

    /** A WebSocket was accepted. */
    void socketOpened();

    /** An accepted WebSocket closed. */
    void socketClosed();

    /** A message arrived (before any check: bad, oversized and rate-limited ones count too). */
    void messageReceived();

    /** An {@code error} message was sent to a client. */
    void errorSent(ErrorCode code);
}
