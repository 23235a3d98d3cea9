package sabaq.signalling.ops;

import sabaq.common.media.MediaRoomStats;
import sabaq.signalling.ops.alert.AlertInputs;
import sabaq.signalling.ops.alert.AlertMetrics;
import sabaq.signalling.ops.metrics.HostFigures;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/** The values of the {@link AlertMetrics} in one {@link OpsSnapshot}. */
public final class SnapshotAlertInputs implements AlertInputs {
    private final OpsSnapshot s;

    public SnapshotAlertInputs(OpsSnapshot snapshot) {
        this.s = snapshot;
    }

    @Override
    public OptionalDouble server(String metric) {
        HostFigures h = s.host();
        if (metric.startsWith(AlertMetrics.MEDIA_PREFIX)) {
            Long v = s.mediaCounters().get(metric.substring(AlertMetrics.MEDIA_PREFIX.length()));
            return v == null || v < 0 ? OptionalDouble.empty() : OptionalDouble.of(v);
        }
        switch (metric) {
            case "system.cpu":
                return known(h.systemCpu());
            case "process.cpu":
                return known(h.processCpu());
            case "memory.free.ratio":
                return known(h.memoryFreeRatio());
            case "memory.used.ratio":
                return known(1 - h.memoryFreeRatio());
            case "jvm.heap.used.ratio":
                return known(h.heapUsedRatio());
            case "disk.free.ratio":
                return known(h.lowestDiskFreeRatio());
            case "disk.free.bytes":
                return known(h.lowestDiskFreeBytes());
            case "process.open_files.ratio":
                return known(h.openFilesRatio());
            case "lessons.live":
                return OptionalDouble.of(s.lessons().size());
            case "participants":
                return OptionalDouble.of(s.participants());
            case "ws.connections":
                return OptionalDouble.of(s.wsConnections());
            case "ws.errors":
                return OptionalDouble.of(s.wsErrors());
            case "http.server_errors":
                return OptionalDouble.of(s.httpServerErrors());
            default:
                return OptionalDouble.empty();
        }
    }

    @Override
    public Map<String, Double> perLesson(String metric) {
        switch (metric) {
            case "lesson.participants":
                return each(l -> l.participants());
            case "lesson.students":
                return each(l -> l.students());
            case "lesson.loss":
                return each(LessonFigures::loss);
            case "lesson.loss.max":
                return eachMedia(MediaRoomStats::downstreamLossMax);
            case "lesson.upstream.loss":
                return eachMedia(MediaRoomStats::upstreamLoss);
            case "lesson.bitrate":
                return eachMedia(m -> m.inboundBitrateBps());
            case "lesson.rtt":
                return eachMedia(MediaRoomStats::rttMillis);
            default:
                return Map.of();
        }
    }

    private Map<String, Double> each(ToDoubleFunction<LessonFigures> f) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (LessonFigures l : s.lessons()) {
            double v = f.applyAsDouble(l);
            if (!Double.isNaN(v)) out.put(l.id(), v);
        }
        return out;
    }

    /** Media figures below zero mean "not reported yet" and are left out. */
    private Map<String, Double> eachMedia(ToDoubleFunction<MediaRoomStats> f) {
        return each(l -> {
            if (l.media() == null) return Double.NaN;
            double v = f.applyAsDouble(l.media());
            return v < 0 ? Double.NaN : v;
        });
    }

    private static OptionalDouble known(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
