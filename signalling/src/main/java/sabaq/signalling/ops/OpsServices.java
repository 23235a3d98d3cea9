package sabaq.signalling.ops;

import com.typesafe.config.ConfigException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import sabaq.common.time.TimeSource;
import sabaq.signalling.lesson.Role;
import sabaq.signalling.ops.alert.AlertEngine;
import sabaq.signalling.ops.alert.AlertMetrics;
import sabaq.signalling.ops.alert.AlertRule;
import sabaq.signalling.ops.metrics.HostProbe;
import sabaq.signalling.ops.metrics.LessonMeters;
import sabaq.signalling.ops.metrics.NetworkReader;
import sabaq.signalling.ops.metrics.SabaqMeters;
import sabaq.signalling.ops.metrics.TrafficMeters;
import sabaq.signalling.session.LessonRegistry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Monitoring of one signalling server, put together: the meter registry with host, media and traffic meters, the
 * sampler, the alert engine with its {@code sabaq_alert_active} gauges, and the routes. Created before the HTTP
 * servers start (the traffic meters count from the first request); {@link #start()} begins sampling.
 */
public final class OpsServices implements AutoCloseable {
    private final SabaqMeters meters;
    private final TrafficMeters traffic;
    private final OpsSampler sampler;
    private final AlertEngine engine;
    private final OpsRoutes routes;

    private OpsServices(SabaqMeters meters, TrafficMeters traffic, OpsSampler sampler, AlertEngine engine, OpsRoutes routes) {
        this.meters = meters;
        this.traffic = traffic;
        this.sampler = sampler;
        this.engine = engine;
        this.routes = routes;
    }

    /**
     * Builds everything; fails with a {@link ConfigException} naming the rule when a rule names a media counter the
     * attached media server does not have.
     */
    public static OpsServices create(Vertx vertx, OpsConfig config, Path dataDir, OpsBindings bindings,
                                     LessonRegistry lessons, TimeSource time) {
        checkMediaMetrics(config.alertRules(), bindings.media().counterNames());
        List<Path> watched = new ArrayList<>();
        watched.add(dataDir);
        watched.add(Path.of(""));
        for (String p : config.diskPaths()) watched.add(Path.of(p));
        HostProbe host = new HostProbe(watched, new NetworkReader(NetworkReader.PROC_NET_DEV, time, 1_000_000_000L));
        SabaqMeters meters = new SabaqMeters(host, bindings.media());
        MeterRegistry registry = meters.registry();
        TrafficMeters traffic = new TrafficMeters(registry);
        AlertEngine engine = new AlertEngine(config.alertRules(), time);
        OpsSampler sampler = new OpsSampler(vertx, config, host, bindings.media(), lessons, meters, traffic,
                new LessonMeters(registry), engine, time);
        registerSampleGauges(registry, sampler, engine);
        HealthApi health = new HealthApi(vertx, sampler, bindings.media(), bindings.readinessChecks(), time,
                config.sampleInterval());
        OpsRoutes routes = new OpsRoutes(vertx, bindings, meters, sampler, engine, health, config.sampleInterval().toMillis());
        return new OpsServices(meters, traffic, sampler, engine, routes);
    }

    private static void checkMediaMetrics(List<AlertRule> rules, List<String> counters) {
        if (counters.isEmpty()) return;
        for (int i = 0; i < rules.size(); i++) {
            String metric = rules.get(i).condition().metric();
            if (metric.startsWith(AlertMetrics.MEDIA_PREFIX) && !counters.contains(metric.substring(AlertMetrics.MEDIA_PREFIX.length()))) {
                throw new ConfigException.BadValue(OpsConfig.PATH + ".alerts.rules[" + i + "].condition", "rule '"
                        + rules.get(i).id() + "': the media server has no counter '" + metric + "'; it has media."
                        + String.join(", media.", counters));
            }
        }
    }

    private static void registerSampleGauges(MeterRegistry registry, OpsSampler sampler, AlertEngine engine) {
        Gauge.builder("sabaq.lessons.live", sampler, s -> fromLatest(s, x -> x.lessons().size()))
                .description("live lessons (as of the latest operations sample)").register(registry);
        for (Role role : Role.values()) {
            Gauge.builder("sabaq.participants", sampler, s -> fromLatest(s, x -> count(x, role)))
                    .description("participants connected to live lessons, by role (as of the latest sample)")
                    .tag("role", role.wireName()).register(registry);
        }
        for (AlertRule rule : engine.rules()) {
            Gauge.builder("sabaq.alert.active", engine, e -> e.activeCount(rule.id()))
                    .description("active instances of an alert rule (one per lesson for lesson rules)")
                    .tag("rule", rule.id()).tag("severity", rule.severity().wireName()).register(registry);
        }
    }

    private static double fromLatest(OpsSampler sampler, ToIntFunction<OpsSnapshot> f) {
        OpsSnapshot s = sampler.latest();
        return s == null ? Double.NaN : f.applyAsInt(s);
    }

    private static int count(OpsSnapshot s, Role role) {
        int n = 0;
        for (LessonFigures l : s.lessons()) {
            n += role == Role.TEACHER ? l.teachers() : role == Role.STUDENT ? l.students() : l.observers();
        }
        return n;
    }

    public void start() {
        sampler.start();
    }

    public TrafficMeters traffic() {
        return traffic;
    }

    public OpsRoutes routes() {
        return routes;
    }

    public OpsSampler sampler() {
        return sampler;
    }

    public AlertEngine alerts() {
        return engine;
    }

    public MeterRegistry registry() {
        return meters.registry();
    }

    @Override
    public void close() {
        sampler.stop();
        meters.close();
    }
}
