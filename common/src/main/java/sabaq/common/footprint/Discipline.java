package sabaq.common.footprint;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A discipline of a programme with its planned academic hours by format. {@code practice} marks industrial training /
 * professional practice, whose hours the synchronous and distance shares leave out.
 */
public record Discipline(UUID id, String name, Map<HourFormat, Integer> plannedHours, boolean practice) {
    public Discipline {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        EnumMap<HourFormat, Integer> copy = new EnumMap<>(HourFormat.class);
        if (plannedHours != null) copy.putAll(plannedHours);
        plannedHours = Map.copyOf(copy);
    }

    public int planned(HourFormat f) {
        return plannedHours.getOrDefault(f, 0);
    }

    public int plannedTotal() {
        int sum = 0;
        for (int h : plannedHours.values()) sum += h;
        return sum;
    }
}
