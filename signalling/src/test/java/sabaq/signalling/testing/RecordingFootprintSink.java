package sabaq.signalling.testing;

import sabaq.common.footprint.FootprintEvent;
import sabaq.common.footprint.FootprintSink;
import sabaq.common.footprint.FootprintVerb;
import sabaq.common.test.Poll;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** A {@link FootprintSink} that keeps every event in memory, with polling waits for tests. Thread safe. */
public final class RecordingFootprintSink implements FootprintSink {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final List<FootprintEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void record(FootprintEvent event) {
        events.add(event);
        threads.add(Thread.currentThread().getName());
    }

    public List<FootprintEvent> events() {
        return List.copyOf(events);
    }

    /** Names of the threads that called {@link #record}. */
    public List<String> threads() {
        return List.copyOf(threads);
    }

    /** The events of one lesson (context) with this verb, in the order recorded. */
    public List<FootprintEvent> of(String lessonId, FootprintVerb verb) {
        return events.stream().filter(e -> e.context().lessonId().equals(lessonId) && e.verb() == verb)
                .collect(Collectors.toList());
    }

    /** Waits until an event matching {@code match} has been recorded; returns the first. */
    public FootprintEvent await(String what, Predicate<FootprintEvent> match) {
        return Poll.until(TIMEOUT, Duration.ofMillis(10), () -> events.stream().filter(match).findFirst().orElse(null),
                e -> e != null, what + " (recorded: " + summary() + ")");
    }

    /** Waits for the event of {@code verb} in {@code lessonId} by {@code actorId}. */
    public FootprintEvent await(String lessonId, FootprintVerb verb, String actorId) {
        return await(verb.wireName() + " by " + actorId, e -> e.context().lessonId().equals(lessonId) && e.verb() == verb
                && e.actor().id().equals(actorId));
    }

    /** Waits until {@code lessonId} has {@code count} events of {@code verb}; returns them. */
    public List<FootprintEvent> awaitCount(String lessonId, FootprintVerb verb, int count) {
        return Poll.until(TIMEOUT, Duration.ofMillis(10), () -> of(lessonId, verb), l -> l.size() >= count,
                count + " x " + verb.wireName() + " (recorded: " + summary() + ")");
    }

    public String summary() {
        return events.stream().map(e -> e.verb().wireName() + "(" + e.actor().id() + ")").collect(Collectors.joining(", "));
    }
}
