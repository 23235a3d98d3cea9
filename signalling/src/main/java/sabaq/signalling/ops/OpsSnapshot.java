package sabaq.signalling.ops;

import sabaq.signalling.ops.metrics.HostFigures;

import java.util.List;
import java.util.Map;

/**
 * Everything the operations page, the per-lesson meters and the alert rules see at one sample.
 *
 * @param sampledAtMillis wall-clock time of the sample
 * @param host the machine, process and JVM
 * @param networkRates per-interface rates since the previous sample (empty at the first)
 * @param lessons the live lessons
 * @param mediaReady whether the media server takes new peers
 * @param mediaRoomsAvailable whether the media server answered the room snapshot in time
 * @param mediaCounters the media server's counters by name
 * @param wsConnections open WebSocket connections
 * @param wsErrors error messages sent on WebSockets so far
 * @param httpServerErrors HTTP answers with status 5xx so far
 */
public record OpsSnapshot(long sampledAtMillis, HostFigures host, List<NetworkRate> networkRates,
                          List<LessonFigures> lessons, boolean mediaReady, boolean mediaRoomsAvailable,
                          Map<String, Long> mediaCounters, long wsConnections, long wsErrors, long httpServerErrors) {
    public OpsSnapshot {
        networkRates = List.copyOf(networkRates);
        lessons = List.copyOf(lessons);
        mediaCounters = Map.copyOf(mediaCounters);
    }

    public int participants() {
        int n = 0;
        for (LessonFigures l : lessons) n += l.participants();
        return n;
    }
}
