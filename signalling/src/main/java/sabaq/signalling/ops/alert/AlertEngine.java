package sabaq.signalling.ops.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sabaq.common.time.TimeSource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Evaluates the alert rules against one set of {@link AlertInputs} at a time and keeps the active alerts.
 *
 * <p>A rule on a server metric has one instance; a rule on a lesson metric has one instance per lesson. An instance
 * whose condition holds becomes pending; it fires once the condition has held at every evaluation for the rule's
 * {@code for} duration (at once when there is none), and resolves at the first evaluation where it does not hold, its
 * value is unavailable, or its lesson is gone. Firing is logged at WARN, resolving at INFO. {@code increase}
 * conditions compare the metric with its value at the latest evaluation at least the window ago (the previous
 * evaluation when no window is given; the oldest one kept while the history is shorter than the window).
 *
 * <p>{@link #evaluate} is called from one thread at a time (the sampler's); {@link #active()} and
 * {@link #activeCount(String)} may be read from any thread.
 */
public final class AlertEngine {
    private static final Logger log = LoggerFactory.getLogger(AlertEngine.class);
    private static final String SERVER_SUBJECT = "";

    private final List<AlertRule> rules;
    private final TimeSource time;
    private final List<Map<String, Instance>> instances = new ArrayList<>();
    private final Map<String, Integer> ruleIndex = new HashMap<>();
    private volatile List<ActiveAlert> active = List.of();
    private volatile int[] activeCounts;
    private volatile long evaluatedAtEpochMillis = -1;

    public AlertEngine(List<AlertRule> rules, TimeSource time) {
        this.rules = List.copyOf(rules);
        this.time = Objects.requireNonNull(time, "time");
        for (int i = 0; i < this.rules.size(); i++) {
            instances.add(new LinkedHashMap<>());
            ruleIndex.put(this.rules.get(i).id(), i);
        }
        this.activeCounts = new int[this.rules.size()];
    }

    public List<AlertRule> rules() {
        return rules;
    }

    /** One evaluation of every rule. */
    public void evaluate(AlertInputs inputs) {
        long now = time.nanoTime();
        long wallNow = time.epochMillis();
        List<ActiveAlert> nowActive = new ArrayList<>();
        int[] counts = new int[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            AlertRule rule = rules.get(i);
            Map<String, Instance> bySubject = instances.get(i);
            Map<String, Double> values = values(rule, inputs);
            for (Map.Entry<String, Double> e : values.entrySet()) {
                bySubject.computeIfAbsent(e.getKey(), k -> new Instance()).observe(rule, e.getKey(), e.getValue(), now, wallNow);
            }
            for (Iterator<Map.Entry<String, Instance>> it = bySubject.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Instance> e = it.next();
                Instance inst = e.getValue();
                if (!values.containsKey(e.getKey())) {
                    inst.resolve(rule, e.getKey(), wallNow, e.getKey().isEmpty() ? "value unavailable" : "lesson gone");
                    it.remove();
                    continue;
                }
                if (inst.firedAtMillis >= 0) {
                    counts[i]++;
                    nowActive.add(new ActiveAlert(rule.id(), e.getKey().isEmpty() ? null : e.getKey(), rule.severity(),
                            rule.titles(), rule.condition().text(), inst.value, inst.pendingSinceMillis, inst.firedAtMillis));
                }
            }
        }
        active = List.copyOf(nowActive);
        activeCounts = counts;
        evaluatedAtEpochMillis = wallNow;
    }

    private static Map<String, Double> values(AlertRule rule, AlertInputs inputs) {
        String metric = rule.condition().metric();
        if (AlertMetrics.scopeOf(metric).orElseThrow() == AlertMetrics.Scope.LESSON) {
            Map<String, Double> out = new LinkedHashMap<>();
            inputs.perLesson(metric).forEach((lesson, v) -> {
                if (lesson != null && !lesson.isEmpty() && v != null && !v.isNaN()) out.put(lesson, v);
            });
            return out;
        }
        OptionalDouble v = inputs.server(metric);
        return v.isPresent() && !Double.isNaN(v.getAsDouble()) ? Map.of(SERVER_SUBJECT, v.getAsDouble()) : Map.of();
    }

    /** Active alerts after the last evaluation, in rule order. */
    public List<ActiveAlert> active() {
        return active;
    }

    /** Number of active instances of a rule (0 or 1 for a server rule; one per lesson for a lesson rule). */
    public int activeCount(String ruleId) {
        Integer i = ruleIndex.get(ruleId);
        return i == null ? 0 : activeCounts[i];
    }

    /** Wall-clock time of the last evaluation, or -1 before the first. */
    public long evaluatedAtEpochMillis() {
        return evaluatedAtEpochMillis;
    }

    /** A metric value at one evaluation, kept for {@code increase} conditions. */
    private record Sample(long nanos, double value) {
    }

    /** The state of one rule for one subject (the server, or one lesson). */
    private static final class Instance {
        private final Deque<Sample> samples = new ArrayDeque<>();
        private long pendingSinceNanos = -1;
        private long pendingSinceMillis = -1;
        private long firedAtMillis = -1;
        private double value;

        void observe(AlertRule rule, String subject, double raw, long now, long wallNow) {
            AlertCondition c = rule.condition();
            double v = c.increase() ? increase(raw, now, c.increaseWindow().toNanos()) : raw;
            value = v;
            if (!c.comparison().holds(v, c.threshold())) {
                resolve(rule, subject, wallNow, "condition no longer holds, value " + format(v));
                return;
            }
            if (pendingSinceNanos < 0) {
                pendingSinceNanos = now;
                pendingSinceMillis = wallNow;
            }
            if (firedAtMillis < 0 && now - pendingSinceNanos >= c.holdFor().toNanos()) {
                firedAtMillis = wallNow;
                log.warn("alert {} fired{}: {} (value {}, {})", rule.id(), about(subject), c.text(), format(v),
                        rule.severity().wireName());
            }
        }

        /** The growth of a counter over the window; keeps the samples needed for the next evaluations. */
        private double increase(double raw, long now, long windowNanos) {
            double baseline = Double.NaN;
            for (Sample s : samples) {
                if (now - s.nanos() >= windowNanos) baseline = s.value();
            }
            if (Double.isNaN(baseline) && !samples.isEmpty()) baseline = samples.peekFirst().value();
            samples.addLast(new Sample(now, raw));
            // Keep the newest sample that is already a window old (a later evaluation's baseline) and those after it.
            while (samples.size() > 1) {
                Iterator<Sample> it = samples.iterator();
                it.next();
                if (now - it.next().nanos() < windowNanos) break;
                samples.removeFirst();
            }
            if (Double.isNaN(baseline)) return 0;
            return raw >= baseline ? raw - baseline : raw;
        }

        void resolve(AlertRule rule, String subject, long wallNow, String why) {
            if (firedAtMillis >= 0) {
                log.info("alert {} resolved{} after {} s: {}", rule.id(), about(subject),
                        Math.max(0, wallNow - firedAtMillis) / 1000, why);
            }
            firedAtMillis = -1;
            pendingSinceNanos = -1;
            pendingSinceMillis = -1;
        }

        private static String about(String subject) {
            return subject.isEmpty() ? "" : " for lesson " + subject;
        }

        private static String format(double v) {
            return String.format(java.util.Locale.ROOT, "%.4g", v);
        }
    }
}
