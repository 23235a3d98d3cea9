package sabaq.signalling.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A WebSocket test client. Received messages are kept in order; {@link #next(String)} returns the first not yet
 * consumed message of a type, waiting up to {@link #TIMEOUT} for it (no sleeping: a monitor wait with a deadline).
 */
public final class TestClient implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final WebSocketClient client;
    private final WebSocket socket;
    private final List<JsonObject> received = new ArrayList<>();
    private final List<Boolean> consumed = new ArrayList<>();
    private final CompletableFuture<Short> closed = new CompletableFuture<>();
    private String participantId;
    private String clientId;

    private TestClient(WebSocketClient client, WebSocket socket) {
        this.client = client;
        this.socket = socket;
    }

    public static TestClient connect(Vertx vertx, int port) {
        return connect(vertx, port, new WebSocketClientOptions());
    }

    public static TestClient connect(Vertx vertx, int port, WebSocketClientOptions options) {
        WebSocketClient client = vertx.createWebSocketClient(options.setMaxMessageSize(16 * 1024 * 1024));
        return OnEventLoop.await(vertx, () -> client.connect(port, "127.0.0.1", "/ws").map(s -> {
            TestClient c = new TestClient(client, s);
            s.textMessageHandler(c::onText);
            s.closeHandler(v -> c.closed.complete(s.closeStatusCode()));
            return c;
        }));
    }

    private void onText(String text) {
        JsonObject m;
        try {
            m = new JsonObject(text);
        } catch (RuntimeException e) {
            m = new JsonObject().put("type", "<unparseable>").put("raw", text);
        }
        synchronized (this) {
            received.add(m);
            consumed.add(false);
            notifyAll();
        }
    }

    public TestClient send(JsonObject message) {
        return sendText(message.encode());
    }

    public TestClient sendText(String text) {
        socket.writeTextMessage(text).await();
        return this;
    }

    /** Sends one text message as a text frame and continuation frames of at most {@code frameBytes} bytes each. */
    public TestClient sendFragmented(String text, int frameBytes) {
        Buffer all = Buffer.buffer(text);
        for (int off = 0; off < all.length(); off += frameBytes) {
            Buffer part = all.slice(off, Math.min(all.length(), off + frameBytes));
            boolean fin = off + frameBytes >= all.length();
            socket.writeFrame(off == 0 ? WebSocketFrame.textFrame(part.toString(), fin)
                    : WebSocketFrame.continuationFrame(part, fin)).await();
        }
        return this;
    }

    public TestClient sendBinary(Buffer data) {
        socket.writeBinaryMessage(data).await();
        return this;
    }

    /** The first unconsumed message of {@code type}; fails the test after the timeout. */
    public JsonObject next(String type) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        synchronized (this) {
            while (true) {
                for (int i = 0; i < received.size(); i++) {
                    if (!consumed.get(i) && type.equals(received.get(i).getString("type"))) {
                        consumed.set(i, true);
                        return received.get(i);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) fail("no '" + type + "' message within " + TIMEOUT + "; received " + received);
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail("interrupted");
                }
            }
        }
    }

    /** The next {@code error} message, which must have this code. */
    public JsonObject error(String code) {
        JsonObject e = next("error");
        assertEquals(code, e.getString("code"), () -> "error " + e);
        return e;
    }

    /** All messages of a type received so far, consumed or not. */
    public synchronized List<JsonObject> all(String type) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonObject m : received) if (type.equals(m.getString("type"))) out.add(m);
        return out;
    }

    /** Joins and waits for {@code joined}; returns it. */
    public JsonObject join(String token, String name) {
        send(new JsonObject().put("type", "join").put("token", token).put("name", name));
        JsonObject joined = next("joined");
        remember(joined);
        return joined;
    }

    /** Takes the participant and client ids from a {@code joined} message consumed by the test itself. */
    public void remember(JsonObject joined) {
        participantId = joined.getString("participantId");
        clientId = joined.getString("clientId");
    }

    public String participantId() {
        return participantId;
    }

    public String clientId() {
        return clientId;
    }

    /** Sends a chat line. */
    public void chat(String text) {
        send(new JsonObject().put("type", "chat").put("text", text));
    }

    /** Round trip: ping with a request id and wait for the pong carrying it (earlier pongs are skipped). */
    public void ping(String requestId) {
        send(new JsonObject().put("type", "ping").put("requestId", requestId));
        JsonObject pong = next("pong");
        while (!requestId.equals(pong.getString("requestId"))) pong = next("pong");
    }

    /** Waits until the server closes the socket; returns the close status. */
    public short awaitClosed() {
        try {
            Short s = closed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return s == null ? -1 : s;
        } catch (Exception e) {
            throw new AssertionError("socket not closed within " + TIMEOUT, e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!closed.isDone()) socket.close();
        client.close();
    }
}
