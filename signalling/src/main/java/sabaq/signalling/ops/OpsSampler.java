package sabaq.signalling.ops;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.media.MediaRoomStats;
import sabaq.common.media.MediaStats;
import sabaq.common.time.TimeSource;
import sabaq.signalling.ops.alert.AlertEngine;
import sabaq.signalling.ops.metrics.HostFigures;
import sabaq.signalling.ops.metrics.HostProbe;
import sabaq.signalling.ops.metrics.InterfaceCounters;
import sabaq.signalling.ops.metrics.LessonMeters;
import sabaq.signalling.ops.metrics.SabaqMeters;
import sabaq.signalling.ops.metrics.TrafficMeters;
import sabaq.signalling.session.LessonHub;
import sabaq.signalling.session.LessonRegistry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Takes an {@link OpsSnapshot} every {@code sample-interval} and hands it on: the per-lesson meters, the network
 * interface meters, the chart history and the {@link AlertEngine}. Nothing blocks an event loop: host figures (disk
 * and network reads) are taken in {@code executeBlocking}, each lesson is counted on its own context, and the media
 * rooms on the media thread. A sample still running when the next is due makes that one skip. All of it runs on
 * the sampler's own context, so the engine is evaluated from one thread at a time.
 */
public final class OpsSampler {
    private static final Logger log = LoggerFactory.getLogger(OpsSampler.class);
    /** How long the media thread may take to answer a room snapshot before the sample goes on without it. */
    static final long MEDIA_TIMEOUT_MILLIS = 2000;

    private final Vertx vertx;
    private final Context context;
    private final OpsConfig config;
    private final HostProbe host;
    private final MediaStats media;
    private final LessonRegistry lessons;
    private final SabaqMeters meters;
    private final TrafficMeters traffic;
    private final LessonMeters lessonMeters;
    private final AlertEngine engine;
    private final TimeSource time;
    private final HistoryRing history;
    private volatile OpsSnapshot latest;
    private volatile long lastSampleNanos = -1;
    private long timer = -1;
    private boolean running;
    private boolean stopped;

    public OpsSampler(Vertx vertx, OpsConfig config, HostProbe host, MediaStats media, LessonRegistry lessons,
                      SabaqMeters meters, TrafficMeters traffic, LessonMeters lessonMeters, AlertEngine engine,
                      TimeSource time) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.config = config;
        this.host = host;
        this.media = media;
        this.lessons = lessons;
        this.meters = meters;
        this.traffic = traffic;
        this.lessonMeters = lessonMeters;
        this.engine = engine;
        this.time = time;
        this.history = new HistoryRing(config.historySamples());
    }

    /** Takes a first sample now, then one every interval. */
    public void start() {
        context.runOnContext(v -> {
            if (stopped) return;
            tick();
            timer = vertx.setPeriodic(config.sampleInterval().toMillis(), id -> tick());
        });
    }

    public void stop() {
        context.runOnContext(v -> {
            stopped = true;
            if (timer >= 0) vertx.cancelTimer(timer);
        });
    }

    /** The latest sample, or null before the first has completed. */
    public OpsSnapshot latest() {
        return latest;
    }

    /** Monotonic time of the latest completed sample, or -1 before the first. */
    public long lastSampleNanos() {
        return lastSampleNanos;
    }

    public List<HistoryPoint> history() {
        return history.points();
    }

    private void tick() {
        if (running || stopped) return;
        running = true;
        sample().onComplete(ar -> {
            running = false;
            if (ar.failed()) log.warn("operations sample failed", ar.cause());
        });
    }

    /** Takes one sample and hands it on; completes on the sampler's context. */
    Future<OpsSnapshot> sample() {
        Future<HostFigures> hostFigures = vertx.executeBlocking(host::read, false);
        Future<List<LessonFigures>> live = liveLessons();
        Future<List<MediaRoomStats>> rooms = Future.fromCompletionStage(media.roomStats(), context)
                .timeout(MEDIA_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        Promise<OpsSnapshot> done = Promise.promise();
        Future.join(hostFigures, live, rooms).onComplete(ar -> {
            if (hostFigures.failed() || live.failed()) {
                done.fail(hostFigures.failed() ? hostFigures.cause() : live.cause());
                return;
            }
            if (rooms.failed()) log.warn("media server did not answer the room snapshot: {}", rooms.cause().toString());
            try {
                OpsSnapshot s = snapshot(hostFigures.result(), live.result(), rooms.succeeded() ? rooms.result() : null);
                publish(s);
                done.complete(s);
            } catch (RuntimeException e) {
                done.fail(e);
            }
        });
        return done.future();
    }

    private Future<List<LessonFigures>> liveLessons() {
        List<Future<LessonFigures>> each = new ArrayList<>();
        for (LessonHub hub : lessons.lessons()) {
            each.add(hub.call(() -> hub.lesson().isLive() ? LessonFigures.of(hub.lesson()) : null)
                    .otherwiseEmpty());
        }
        return Future.join(each).transform(ar -> {
            List<LessonFigures> out = new ArrayList<>();
            for (Future<LessonFigures> f : each) if (f.succeeded() && f.result() != null) out.add(f.result());
            out.sort((a, b) -> Long.compare(a.createdAtMillis(), b.createdAtMillis()));
            return Future.succeededFuture(out);
        });
    }

    private OpsSnapshot snapshot(HostFigures h, List<LessonFigures> live, List<MediaRoomStats> rooms) {
        Map<String, MediaRoomStats> byRoom = new HashMap<>();
        if (rooms != null) for (MediaRoomStats r : rooms) byRoom.put(r.roomId(), r);
        List<LessonFigures> joined = new ArrayList<>();
        for (LessonFigures l : live) joined.add(l.withMedia(byRoom.get(l.id())));
        Map<String, Long> counters = new LinkedHashMap<>();
        for (String name : media.counterNames()) counters.put(name, media.counter(name));
        OpsSnapshot previous = latest;
        List<NetworkRate> rates = previous == null ? List.of()
                : NetworkRates.between(previous.host().interfaces(), h.interfaces(),
                        (time.epochMillis() - previous.sampledAtMillis()) / 1000.0);
        return new OpsSnapshot(time.epochMillis(), h, rates, joined, media.isReady(), rooms != null, counters,
                traffic.wsConnections(), traffic.wsErrors(), traffic.httpServerErrors());
    }

    private void publish(OpsSnapshot s) {
        latest = s;
        lastSampleNanos = time.nanoTime();
        history.add(HistoryRing.point(s));
        lessonMeters.update(s.lessons());
        Set<String> interfaces = new HashSet<>();
        for (InterfaceCounters c : s.host().interfaces()) interfaces.add(c.name());
        meters.syncInterfaces(interfaces);
        engine.evaluate(new SnapshotAlertInputs(s));
    }
}
