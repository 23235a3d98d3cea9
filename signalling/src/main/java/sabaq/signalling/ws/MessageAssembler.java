package sabaq.signalling.ws;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reassembles WebSocket messages from frames (RFC 6455 section 5.4: a text or binary frame, then continuation frames
 * until one has FIN) while counting their size. A text message larger than the limit is dropped as its frames arrive
 * (never buffered beyond the limit) and reported once it ends; binary messages are only reported. Control frames are
 * ignored (Vert.x answers pings and handles close). Not thread safe: one per socket, on the socket's context.
 */
public final class MessageAssembler {

    /** What the assembler found; one call per complete message. */
    public interface Sink {
        void text(String message);

        void tooLarge(long bytes);

        void binary();
    }

    private enum Kind { NONE, TEXT, BINARY }

    private final int maxBytes;
    private final Sink sink;
    private Kind current = Kind.NONE;
    private Buffer text;
    private long size;

    public MessageAssembler(int maxBytes, Sink sink) {
        this.maxBytes = maxBytes;
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    public void onFrame(WebSocketFrame frame) {
        if (frame.isText()) {
            start(Kind.TEXT);
        } else if (frame.isBinary()) {
            start(Kind.BINARY);
        } else if (!frame.isContinuation() || current == Kind.NONE) {
            return;
        }
        Buffer data = frame.binaryData();
        size += data.length();
        if (current == Kind.TEXT && size <= maxBytes) {
            if (text == null) text = Buffer.buffer(Math.min((int) size, 4096));
            text.appendBuffer(data);
        } else {
            text = null;
        }
        if (frame.isFinal()) finish();
    }

    private void start(Kind kind) {
        current = kind;
        text = null;
        size = 0;
    }

    private void finish() {
        Kind kind = current;
        Buffer message = text;
        long bytes = size;
        start(Kind.NONE);
        if (kind == Kind.BINARY) {
            sink.binary();
        } else if (bytes > maxBytes) {
            sink.tooLarge(bytes);
        } else {
            sink.text(message == null ? "" : message.toString(StandardCharsets.UTF_8));
        }
    }
}
