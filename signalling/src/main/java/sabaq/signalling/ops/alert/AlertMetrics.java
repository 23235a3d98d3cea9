package sabaq.signalling.ops.alert;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics an alert condition may name, with what they mean. Server-wide metrics have one value; lesson metrics
 * ({@code lesson.*}) have one value per live lesson, and a rule on them fires separately for each lesson. Every media
 * server counter is also a metric, as {@code media.<counter>} (for example {@code media.internal_errors},
 * {@code media.drop_srtp_auth}); which counters exist is known only when the media server is attached.
 */
public final class AlertMetrics {
    /** Where a metric's values come from. */
    public enum Scope { SERVER, LESSON }

    /** Prefix of the media server counters. */
    public static final String MEDIA_PREFIX = "media.";

    private static final Map<String, String> SERVER = new LinkedHashMap<>();
    private static final Map<String, String> LESSON = new LinkedHashMap<>();

    static {
        SERVER.put("system.cpu", "CPU load of the whole machine, 0..1");
        SERVER.put("process.cpu", "CPU load of the Sabaq process, 0..1");
        SERVER.put("memory.free.ratio", "free physical memory / total (Linux: MemFree, page cache not counted as free)");
        SERVER.put("memory.used.ratio", "1 - memory.free.ratio");
        SERVER.put("jvm.heap.used.ratio", "used / maximum JVM heap");
        SERVER.put("disk.free.ratio", "the lowest free / total space among the watched paths (data dir, working dir)");
        SERVER.put("disk.free.bytes", "the lowest free space in bytes among the watched paths");
        SERVER.put("process.open_files.ratio", "open file descriptors / limit (Unix)");
        SERVER.put("lessons.live", "live lessons");
        SERVER.put("participants", "participants connected to live lessons, all roles");
        SERVER.put("ws.connections", "open WebSocket connections");
        SERVER.put("ws.errors", "error messages sent on WebSockets (a counter: use increase)");
        SERVER.put("http.server_errors", "HTTP answers with status 500-599 (a counter: use increase)");
        LESSON.put("lesson.participants", "participants in the lesson, all roles");
        LESSON.put("lesson.students", "students in the lesson");
        LESSON.put("lesson.loss", "packet loss of the lesson, 0..1: the worse of publisher loss and mean subscriber loss");
        LESSON.put("lesson.loss.max", "the worst single subscriber's packet loss, 0..1");
        LESSON.put("lesson.upstream.loss", "the worst publisher stream's packet loss as the SFU receives it, 0..1");
        LESSON.put("lesson.bitrate", "bits per second the SFU receives from the lesson's publishers");
        LESSON.put("lesson.rtt", "mean round-trip time to the lesson's subscribers, milliseconds");
    }

    private AlertMetrics() {
    }

    /** The scope of a metric name, or empty when no such metric exists ({@code media.*} is always SERVER). */
    public static Optional<Scope> scopeOf(String metric) {
        if (SERVER.containsKey(metric)) return Optional.of(Scope.SERVER);
        if (LESSON.containsKey(metric)) return Optional.of(Scope.LESSON);
        if (metric.startsWith(MEDIA_PREFIX) && metric.length() > MEDIA_PREFIX.length()
                && metric.substring(MEDIA_PREFIX.length()).matches("[a-z0-9_]+")) {
            return Optional.of(Scope.SERVER);
        }
        return Optional.empty();
    }

    /** Server-wide metric names and their meaning (media counters not included). */
    public static Map<String, String> serverMetrics() {
        return Collections.unmodifiableMap(SERVER);
    }

    /** Per-lesson metric names and their meaning. */
    public static Map<String, String> lessonMetrics() {
        return Collections.unmodifiableMap(LESSON);
    }
}
