package sabaq.signalling.ops.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import sabaq.signalling.ops.LessonFigures;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gauges per live lesson, labelled {@code lesson=<id>}: {@code sabaq_lesson_participants},
 * {@code sabaq_lesson_loss_ratio} (NaN until the SFU has reports) and
 * {@code sabaq_lesson_inbound_bitrate_bits_per_second}. They follow the samples: a new lesson gets its gauges, a
 * lesson that is no longer live loses them, so the number of series is bounded by the live lessons.
 */
public final class LessonMeters {
    private final MeterRegistry registry;
    private final Map<String, LessonFigures> latest = new ConcurrentHashMap<>();
    private final Map<String, List<Meter>> meters = new HashMap<>();

    public LessonMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Replaces the figures with one sample's; called from one thread at a time. */
    public synchronized void update(List<LessonFigures> lessons) {
        Set<String> live = new HashSet<>();
        for (LessonFigures l : lessons) {
            live.add(l.id());
            latest.put(l.id(), l);
            meters.computeIfAbsent(l.id(), this::register);
        }
        for (String gone : new ArrayList<>(meters.keySet())) {
            if (live.contains(gone)) continue;
            for (Meter m : meters.remove(gone)) registry.remove(m);
            latest.remove(gone);
        }
    }

    private List<Meter> register(String id) {
        List<Meter> list = new ArrayList<>();
        list.add(Gauge.builder("sabaq.lesson.participants", () -> figure(id, l -> l.participants()))
                .description("participants in a live lesson").tag("lesson", id).register(registry));
        list.add(Gauge.builder("sabaq.lesson.loss", () -> figure(id, LessonFigures::loss))
                .description("packet loss of a lesson: the worse of publisher loss and mean subscriber loss")
                .baseUnit("ratio").tag("lesson", id).register(registry));
        list.add(Gauge.builder("sabaq.lesson.inbound.bitrate",
                        () -> figure(id, l -> l.media() == null ? Double.NaN : l.media().inboundBitrateBps()))
                .description("bits per second the SFU receives from a lesson's publishers")
                .baseUnit("bits_per_second").tag("lesson", id).register(registry));
        return list;
    }

    private double figure(String id, java.util.function.ToDoubleFunction<LessonFigures> f) {
        LessonFigures l = latest.get(id);
        return l == null ? Double.NaN : f.applyAsDouble(l);
    }
}
