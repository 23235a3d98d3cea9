package sabaq.signalling.ops;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import sabaq.common.media.MediaRoomStats;
import sabaq.signalling.ops.alert.ActiveAlert;
import sabaq.signalling.ops.alert.AlertEngine;
import sabaq.signalling.ops.alert.AlertRule;
import sabaq.signalling.ops.metrics.DiskFigures;
import sabaq.signalling.ops.metrics.HostFigures;
import sabaq.signalling.ops.metrics.InterfaceCounters;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON answers of {@code /api/ops/system}, {@code /api/ops/lessons} and {@code /api/ops/alerts} (field list in
 * docs/operations.md). Unknown numbers are {@code null}.
 */
final class OpsJson {
    private OpsJson() {
    }

    static JsonObject system(OpsSnapshot s, List<HistoryPoint> history, long sampleIntervalMillis) {
        HostFigures h = s.host();
        JsonObject cpu = new JsonObject().put("system", num(h.systemCpu())).put("process", num(h.processCpu()))
                .put("cores", h.cpuCount()).put("loadAverage", h.loadAverage() < 0 ? null : h.loadAverage());
        JsonObject memory = new JsonObject().put("total", bytes(h.memoryTotal())).put("free", bytes(h.memoryFree()));
        JsonObject jvm = new JsonObject().put("heapUsed", h.heapUsed()).put("heapMax", bytes(h.heapMax()))
                .put("nonHeapUsed", h.nonHeapUsed()).put("threads", h.threads()).put("daemonThreads", h.daemonThreads())
                .put("classesLoaded", h.classesLoaded()).put("gcCount", h.gcCount()).put("gcMillis", h.gcMillis())
                .put("uptimeMillis", h.uptimeMillis());
        JsonObject process = new JsonObject().put("openFiles", bytes(h.openFiles())).put("maxFiles", bytes(h.maxFiles()));
        JsonArray disks = new JsonArray();
        for (DiskFigures d : h.disks()) {
            disks.add(new JsonObject().put("path", d.path()).put("free", bytes(d.free())).put("total", bytes(d.total())));
        }
        Map<String, NetworkRate> rates = new HashMap<>();
        for (NetworkRate r : s.networkRates()) rates.put(r.name(), r);
        JsonArray nics = new JsonArray();
        for (InterfaceCounters c : h.interfaces()) {
            NetworkRate r = rates.get(c.name());
            nics.add(new JsonObject().put("name", c.name()).put("rxBytes", c.rxBytes()).put("txBytes", c.txBytes())
                    .put("rxPackets", c.rxPackets()).put("txPackets", c.txPackets())
                    .put("rxBps", r == null ? null : r.rxBps()).put("txBps", r == null ? null : r.txBps()));
        }
        JsonObject network = new JsonObject().put("available", h.networkAvailable()).put("interfaces", nics);
        JsonObject media = new JsonObject().put("ready", s.mediaReady()).put("roomsAvailable", s.mediaRoomsAvailable())
                .put("counters", new JsonObject(new HashMap<>(s.mediaCounters())));
        JsonObject signalling = new JsonObject().put("lessonsLive", s.lessons().size())
                .put("participants", s.participants()).put("wsConnections", s.wsConnections());
        return new JsonObject()
                .put("sampledAt", s.sampledAtMillis())
                .put("sampleIntervalMillis", sampleIntervalMillis)
                .put("cpu", cpu).put("memory", memory).put("jvm", jvm).put("process", process)
                .put("disks", disks).put("network", network).put("media", media).put("signalling", signalling)
                .put("history", history(history));
    }

    private static JsonObject history(List<HistoryPoint> points) {
        JsonArray at = new JsonArray();
        JsonArray cpu = new JsonArray();
        JsonArray processCpu = new JsonArray();
        JsonArray memory = new JsonArray();
        JsonArray heap = new JsonArray();
        JsonArray rx = new JsonArray();
        JsonArray tx = new JsonArray();
        JsonArray participants = new JsonArray();
        for (HistoryPoint p : points) {
            at.add(p.atMillis());
            cpu.add(num(p.systemCpu()));
            processCpu.add(num(p.processCpu()));
            memory.add(num(p.memoryUsed()));
            heap.add(num(p.heapUsed()));
            rx.add(p.rxBps());
            tx.add(p.txBps());
            participants.add(p.participants());
        }
        return new JsonObject().put("at", at).put("cpu", cpu).put("processCpu", processCpu).put("memory", memory)
                .put("heap", heap).put("rxBps", rx).put("txBps", tx).put("participants", participants);
    }

    static JsonObject lessons(OpsSnapshot s) {
        JsonArray list = new JsonArray();
        for (LessonFigures l : s.lessons()) {
            JsonObject participants = new JsonObject().put("teacher", l.teachers()).put("student", l.students())
                    .put("observer", l.observers()).put("total", l.participants());
            list.add(new JsonObject().put("id", l.id()).put("title", l.title()).put("createdAt", l.createdAtMillis())
                    .put("participants", participants).put("media", media(l.media())));
        }
        return new JsonObject().put("sampledAt", s.sampledAtMillis()).put("mediaAvailable", s.mediaRoomsAvailable())
                .put("lessons", list);
    }

    private static JsonObject media(MediaRoomStats m) {
        if (m == null) return null;
        return new JsonObject().put("peers", m.peers()).put("connectedPeers", m.connectedPeers())
                .put("producers", m.producers()).put("consumers", m.consumers())
                .put("inboundBitrateBps", m.inboundBitrateBps())
                .put("loss", unreported(m.loss())).put("upstreamLoss", unreported(m.upstreamLoss()))
                .put("downstreamLoss", unreported(m.downstreamLoss()))
                .put("downstreamLossMax", unreported(m.downstreamLossMax())).put("rttMillis", unreported(m.rttMillis()));
    }

    static JsonObject alerts(AlertEngine engine) {
        JsonArray active = new JsonArray();
        for (ActiveAlert a : engine.active()) {
            active.add(new JsonObject().put("rule", a.ruleId()).put("lessonId", a.lessonId())
                    .put("severity", a.severity().wireName()).put("title", new JsonObject(new HashMap<>(a.titles())))
                    .put("condition", a.condition()).put("value", num(a.value()))
                    .put("since", a.sinceEpochMillis()).put("firedAt", a.firedAtEpochMillis()));
        }
        JsonArray rules = new JsonArray();
        for (AlertRule r : engine.rules()) {
            rules.add(new JsonObject().put("id", r.id()).put("condition", r.condition().text())
                    .put("severity", r.severity().wireName()).put("title", new JsonObject(new HashMap<>(r.titles())))
                    .put("active", engine.activeCount(r.id())));
        }
        long at = engine.evaluatedAtEpochMillis();
        return new JsonObject().put("evaluatedAt", at < 0 ? null : at).put("active", active).put("rules", rules);
    }

    private static Double num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }

    private static Double unreported(double v) {
        return v < 0 || Double.isNaN(v) ? null : v;
    }

    private static Long bytes(long v) {
        return v < 0 ? null : v;
    }
}
