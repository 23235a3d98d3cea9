package sabaq.recorder.signal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The recorder's side of the signalling WebSocket (docs/protocol.md section 2), on the JDK's
 * {@link java.net.http.WebSocket}: JSON text messages, each request with a {@code requestId} whose direct reply
 * (or {@code error}) completes the request's future; everything else (broadcasts such as {@code tracks} and
 * {@code lesson-ended}) goes to the {@link Listener}. Thread safe; listener calls come from the HTTP client's threads
 * in arrival order.
 */
public final class SignallingClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SignallingClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Broadcasts and the end of the connection. */
    public interface Listener {
        void onMessage(JsonNode message);

        void onClosed(int status, String reason);
    }

    /** An {@code error} reply to a request. */
    public static final class ErrorReply extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String code;

        ErrorReply(String code, String message) {
            super(code + ": " + message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Listener listener;
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;

    private SignallingClient(Listener listener) {
        this.listener = listener;
    }

    /** Opens the WebSocket. */
    public static CompletableFuture<SignallingClient> connect(URI url, Listener listener, Duration timeout) {
        SignallingClient c = new SignallingClient(listener);
        return HttpClient.newBuilder().connectTimeout(timeout).build().newWebSocketBuilder()
                .connectTimeout(timeout)
                .buildAsync(url, c.new Handler())
                .thenApply(ws -> {
                    c.socket = ws;
                    return c;
                });
    }

    public static ObjectNode message(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    /** Sends a request and completes with its direct reply, or fails with {@link ErrorReply}. */
    public CompletableFuture<JsonNode> request(ObjectNode message, Duration timeout) {
        String id = "r" + ids.incrementAndGet();
        message.put("requestId", id);
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        send(message).whenComplete((ws, e) -> {
            if (e != null) f.completeExceptionally(e);
        });
        return f.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((r, e) -> pending.remove(id));
    }

    /** Sends a message that needs no reply. */
    public synchronized CompletableFuture<WebSocket> send(ObjectNode message) {
        WebSocket ws = socket;
        if (ws == null || closed.get()) return CompletableFuture.failedFuture(new IllegalStateException("closed"));
        return ws.sendText(message.toString(), true);
    }

    private void onText(String text) {
        JsonNode msg;
        try {
            msg = JSON.readTree(text);
        } catch (Exception e) {
            LOG.warn("unreadable signalling message: {}", e.toString());
            return;
        }
        JsonNode rid = msg.get("requestId");
        if (rid != null && rid.isTextual()) {
            CompletableFuture<JsonNode> f = pending.remove(rid.asText());
            if (f != null) {
                if ("error".equals(msg.path("type").asText())) {
                    f.completeExceptionally(new ErrorReply(msg.path("code").asText(), msg.path("message").asText()));
                } else {
                    f.complete(msg);
                }
                return;
            }
        }
        listener.onMessage(msg);
    }

    private void ended(int status, String reason) {
        if (!closed.compareAndSet(false, true)) return;
        IllegalStateException gone = new IllegalStateException("signalling closed: " + status + " " + reason);
        pending.values().forEach(f -> f.completeExceptionally(gone));
        pending.clear();
        listener.onClosed(status, reason);
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Closes the socket (status 1000) without a {@code leave}. */
    @Override
    public void close() {
        WebSocket ws = socket;
        if (ws != null && !closed.get()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "recorder done").exceptionally(e -> null);
            ws.abort();
        }
        ended(1000, "closed by the recorder");
    }

    private final class Handler implements WebSocket.Listener {
        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            String complete = null;
            synchronized (partial) {
                partial.append(data);
                if (last) {
                    complete = partial.toString();
                    partial.setLength(0);
                }
            }
            try {
                if (complete != null) SignallingClient.this.onText(complete);
            } catch (RuntimeException e) {
                LOG.error("signalling listener failed", e);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            ended(statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            ended(1006, String.valueOf(error));
        }
    }
}
