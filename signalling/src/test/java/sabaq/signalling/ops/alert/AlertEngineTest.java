package sabaq.signalling.ops.alert;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import sabaq.common.time.FakeTimeSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each behaviour of the engine with a fake clock: evaluations are explicit calls, time moves only when told. */
class AlertEngineTest {
    private final FakeTimeSource clock = new FakeTimeSource();
    private final Inputs inputs = new Inputs();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger engineLog = (Logger) LoggerFactory.getLogger(AlertEngine.class);

    /** Metric values a test sets directly. */
    private static final class Inputs implements AlertInputs {
        final Map<String, Double> server = new HashMap<>();
        final Map<String, Map<String, Double>> lessons = new HashMap<>();

        @Override
        public OptionalDouble server(String metric) {
            Double v = server.get(metric);
            return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
        }

        @Override
        public Map<String, Double> perLesson(String metric) {
            return lessons.getOrDefault(metric, Map.of());
        }

        void lesson(String metric, String lesson, double v) {
            lessons.computeIfAbsent(metric, k -> new LinkedHashMap<>()).put(lesson, v);
        }
    }

    @BeforeEach
    void captureLog() {
        logged.start();
        engineLog.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        engineLog.detachAppender(logged);
    }

    private static AlertRule rule(String id, String condition) {
        return new AlertRule(id, AlertCondition.parse(condition), Severity.WARNING,
                Map.of("kk", "kk " + id, "ru", "ru " + id, "en", "en " + id));
    }

    private AlertEngine engine(AlertRule... rules) {
        return new AlertEngine(List.of(rules), clock);
    }

    private void step(AlertEngine e, Duration d) {
        clock.advance(d);
        e.evaluate(inputs);
    }

    @Test
    void withoutForARuleFiresAtTheFirstEvaluationThatHoldsAndResolvesAtTheFirstThatDoesNot() {
        AlertEngine e = engine(rule("disk", "disk.free.ratio < 0.10"));
        inputs.server.put("disk.free.ratio", 0.5);
        e.evaluate(inputs);
        assertEquals(List.of(), e.active());
        assertEquals(0, e.activeCount("disk"));

        inputs.server.put("disk.free.ratio", 0.05);
        long firedAt = clock.epochMillis() + 5000;
        step(e, Duration.ofSeconds(5));
        assertEquals(1, e.active().size());
        ActiveAlert a = e.active().get(0);
        assertEquals("disk", a.ruleId());
        assertNull(a.lessonId());
        assertEquals(0.05, a.value(), 1e-12);
        assertEquals(firedAt, a.sinceEpochMillis());
        assertEquals(firedAt, a.firedAtEpochMillis());
        assertEquals("en disk", a.titles().get("en"));
        assertEquals(1, e.activeCount("disk"));

        inputs.server.put("disk.free.ratio", 0.04);
        step(e, Duration.ofSeconds(5));
        assertEquals(0.04, e.active().get(0).value(), 1e-12, "the value follows the evaluations");
        assertEquals(firedAt, e.active().get(0).firedAtEpochMillis(), "firing time stays");

        inputs.server.put("disk.free.ratio", 0.2);
        step(e, Duration.ofSeconds(5));
        assertEquals(List.of(), e.active());
        assertEquals(0, e.activeCount("disk"));
    }

    @Test
    void forOneMinuteNeedsTheConditionToHoldAMinute() {
        AlertEngine e = engine(rule("cpu", "system.cpu > 0.90 for 1 minute"));
        inputs.server.put("system.cpu", 0.95);
        long since = clock.epochMillis();
        e.evaluate(inputs);
        for (int s = 10; s < 60; s += 10) {
            step(e, Duration.ofSeconds(10));
            assertEquals(List.of(), e.active(), "not yet at " + s + " s");
        }
        step(e, Duration.ofSeconds(9));
        assertEquals(List.of(), e.active(), "59 s is not a minute");
        step(e, Duration.ofSeconds(1));
        assertEquals(1, e.active().size(), "fires once it held for 60 s");
        assertEquals(since, e.active().get(0).sinceEpochMillis(), "since = when it started to hold");
        assertEquals(since + 60_000, e.active().get(0).firedAtEpochMillis());
    }

    @Test
    void aBreakInTheConditionRestartsTheHold() {
        AlertEngine e = engine(rule("cpu", "system.cpu > 0.90 for 1 minute"));
        inputs.server.put("system.cpu", 0.95);
        e.evaluate(inputs);
        step(e, Duration.ofSeconds(50));
        inputs.server.put("system.cpu", 0.50);
        step(e, Duration.ofSeconds(5));
        inputs.server.put("system.cpu", 0.95);
        step(e, Duration.ofSeconds(5));
        step(e, Duration.ofSeconds(55));
        assertEquals(List.of(), e.active(), "55 s since the break");
        step(e, Duration.ofSeconds(5));
        assertEquals(1, e.active().size());
    }

    @Test
    void lessonRulesFirePerLessonAndResolveWhenTheLessonIsGone() {
        AlertEngine e = engine(rule("loss", "lesson.loss > 0.10 for 30 seconds"));
        inputs.lesson("lesson.loss", "A", 0.2);
        inputs.lesson("lesson.loss", "B", 0.01);
        e.evaluate(inputs);
        step(e, Duration.ofSeconds(30));
        assertEquals(1, e.active().size());
        assertEquals("A", e.active().get(0).lessonId());

        inputs.lesson("lesson.loss", "B", 0.3);
        step(e, Duration.ofSeconds(15));
        step(e, Duration.ofSeconds(15));
        assertEquals(1, e.activeCount("loss"), "B held for 15 s: pending, not active");
        step(e, Duration.ofSeconds(15));
        assertEquals(2, e.activeCount("loss"));

        inputs.lessons.get("lesson.loss").remove("A");
        step(e, Duration.ofSeconds(5));
        assertEquals(1, e.activeCount("loss"));
        assertEquals("B", e.active().get(0).lessonId());
        assertTrue(messages(Level.INFO).stream().anyMatch(m -> m.contains("loss resolved for lesson A") && m.contains("lesson gone")),
                messages(Level.INFO).toString());
    }

    @Test
    void increaseComparesWithThePreviousEvaluation() {
        AlertEngine e = engine(rule("errors", "media.internal_errors increase > 0"));
        inputs.server.put("media.internal_errors", 7.0);
        e.evaluate(inputs);
        assertEquals(List.of(), e.active(), "the first evaluation has no baseline: no increase");
        step(e, Duration.ofSeconds(5));
        assertEquals(List.of(), e.active());
        inputs.server.put("media.internal_errors", 9.0);
        step(e, Duration.ofSeconds(5));
        assertEquals(1, e.active().size());
        assertEquals(2.0, e.active().get(0).value(), 1e-12);
        step(e, Duration.ofSeconds(5));
        assertEquals(List.of(), e.active(), "no growth since the previous evaluation");
    }

    @Test
    void increaseOverAWindowKeepsFiringWhileTheWindowHoldsTheGrowth() {
        AlertEngine e = engine(rule("errors", "media.internal_errors increase over 1 minute > 0"));
        inputs.server.put("media.internal_errors", 0.0);
        for (int i = 0; i < 3; i++) step(e, Duration.ofSeconds(20));
        inputs.server.put("media.internal_errors", 1.0);
        step(e, Duration.ofSeconds(20));
        assertEquals(1, e.activeCount("errors"));
        step(e, Duration.ofSeconds(20));
        step(e, Duration.ofSeconds(20));
        assertEquals(1, e.activeCount("errors"), "40 s after the error it is still in the 1 minute window");
        step(e, Duration.ofSeconds(20));
        assertEquals(0, e.activeCount("errors"), "60 s after the error the window no longer holds it");
    }

    @Test
    void increaseUsesTheOldestSampleWhileTheHistoryIsShorterThanTheWindow() {
        AlertEngine e = engine(rule("ws", "ws.errors increase over 10 minutes >= 5"));
        inputs.server.put("ws.errors", 100.0);
        e.evaluate(inputs);
        inputs.server.put("ws.errors", 104.0);
        step(e, Duration.ofSeconds(5));
        assertEquals(0, e.activeCount("ws"));
        inputs.server.put("ws.errors", 105.0);
        step(e, Duration.ofSeconds(5));
        assertEquals(1, e.activeCount("ws"));
        assertEquals(5.0, e.active().get(0).value(), 1e-12);
    }

    @Test
    void anUnavailableValueResolves() {
        AlertEngine e = engine(rule("cpu", "system.cpu > 0.5"));
        inputs.server.put("system.cpu", 0.9);
        e.evaluate(inputs);
        assertEquals(1, e.activeCount("cpu"));
        inputs.server.remove("system.cpu");
        step(e, Duration.ofSeconds(5));
        assertEquals(0, e.activeCount("cpu"));
        inputs.server.put("system.cpu", Double.NaN);
        step(e, Duration.ofSeconds(5));
        assertEquals(0, e.activeCount("cpu"), "NaN never holds");
    }

    @Test
    void firingIsLoggedAtWarnAndResolvingAtInfo() {
        AlertEngine e = engine(rule("disk", "disk.free.ratio < 0.10"));
        inputs.server.put("disk.free.ratio", 0.05);
        e.evaluate(inputs);
        e.evaluate(inputs);
        assertEquals(1, messages(Level.WARN).size(), "logged once when it fires, not at every evaluation");
        assertTrue(messages(Level.WARN).get(0).contains("alert disk fired: disk.free.ratio < 0.1 (value 0.05000"),
                messages(Level.WARN).toString());
        inputs.server.put("disk.free.ratio", 0.5);
        step(e, Duration.ofSeconds(90));
        assertEquals(1, messages(Level.INFO).size());
        assertTrue(messages(Level.INFO).get(0).contains("alert disk resolved after 90 s"), messages(Level.INFO).toString());
    }

    @Test
    void rulesAreIndependentAndListedInOrder() {
        AlertEngine e = engine(rule("a", "participants > 0"), rule("b", "lessons.live >= 1"), rule("c", "participants > 100"));
        inputs.server.put("participants", 3.0);
        inputs.server.put("lessons.live", 1.0);
        e.evaluate(inputs);
        assertEquals(List.of("a", "b"), e.active().stream().map(ActiveAlert::ruleId).toList());
        assertEquals(0, e.activeCount("c"));
        assertEquals(0, e.activeCount("no-such-rule"));
        assertEquals(clock.epochMillis(), e.evaluatedAtEpochMillis());
    }

    private List<String> messages(Level level) {
        return logged.list.stream().filter(ev -> ev.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }
}
