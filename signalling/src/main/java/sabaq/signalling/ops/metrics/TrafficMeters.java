package sabaq.signalling.ops.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import sabaq.signalling.protocol.ErrorCode;
import sabaq.signalling.session.SessionMeters;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signalling traffic meters: HTTP requests by method and status class ({@code sabaq_http_requests_total}),
 * WebSocket connections ({@code sabaq_ws_connections}), messages received ({@code sabaq_ws_messages_total}) and
 * error messages sent by code ({@code sabaq_ws_errors_total{code}}). Thread safe and non-blocking.
 */
public final class TrafficMeters implements SessionMeters {
    private final MeterRegistry registry;
    private final Counter wsMessages;
    private final Map<ErrorCode, Counter> wsErrors = new EnumMap<>(ErrorCode.class);
    private final Map<String, Counter> httpRequests = new ConcurrentHashMap<>();
    private final AtomicInteger wsConnections = new AtomicInteger();
    private final AtomicLong wsErrorTotal = new AtomicLong();
    private final AtomicLong httpServerErrors = new AtomicLong();

    public TrafficMeters(MeterRegistry registry) {
        this.registry = registry;
        this.wsMessages = Counter.builder("sabaq.ws.messages").description("WebSocket messages received")
                .register(registry);
        for (ErrorCode code : ErrorCode.values()) {
            wsErrors.put(code, Counter.builder("sabaq.ws.errors").description("error messages sent on WebSockets")
                    .tag("code", code.name()).register(registry));
        }
        Gauge.builder("sabaq.ws.connections", wsConnections, AtomicInteger::get)
                .description("open WebSocket connections").register(registry);
    }

    /** Route handler (first on the router): counts the request when its answer ends. */
    public void countRequest(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String method = request.method().name();
        ctx.addEndHandler(done -> {
            int status = ctx.response().getStatusCode();
            if (status >= 500) httpServerErrors.incrementAndGet();
            httpCounter(method, status / 100 + "xx").increment();
        });
        ctx.next();
    }

    private Counter httpCounter(String method, String statusClass) {
        String m = isStandard(method) ? method : "OTHER";
        return httpRequests.computeIfAbsent(m + ' ' + statusClass, k -> Counter.builder("sabaq.http.requests")
                .description("HTTP requests by method and status class").tag("method", m).tag("status", statusClass)
                .register(registry));
    }

    private static boolean isStandard(String method) {
        switch (method) {
            case "GET": case "HEAD": case "POST": case "PUT": case "DELETE": case "PATCH": case "OPTIONS":
                return true;
            default:
                return false;
        }
    }

    @Override
    public void socketOpened() {
        wsConnections.incrementAndGet();
    }

    @Override
    public void socketClosed() {
        wsConnections.decrementAndGet();
    }

    @Override
    public void messageReceived() {
        wsMessages.increment();
    }

    @Override
    public void errorSent(ErrorCode code) {
        wsErrorTotal.incrementAndGet();
        wsErrors.get(code).increment();
    }

    public int wsConnections() {
        return wsConnections.get();
    }

    public long wsErrors() {
        return wsErrorTotal.get();
    }

    public long httpServerErrors() {
        return httpServerErrors.get();
    }
}
