package sabaq.studio.course;

import java.util.List;

/**
 * The edit decision list of a lesson's source, in seconds on the source's own timeline: keep {@code start} to
 * {@code end} (null: to the end of the source) and drop every {@code remove} range inside it (pauses, mistakes).
 */
public record Cuts(double start, Double end, List<TimeRange> remove) {
    public static final Cuts NONE = new Cuts(0, null, List.of());

    public Cuts {
        remove = remove == null ? List.of() : List.copyOf(remove);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return start == 0 && end == null && remove.isEmpty();
    }
}
