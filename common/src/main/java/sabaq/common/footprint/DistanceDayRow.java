package sabaq.common.footprint;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The strict count of a distance-learning day for one class: of the students expected (the group's students), how many
 * joined at least one lesson of the group that day, and who did not.
 */
public record DistanceDayRow(UUID orgId, UUID groupId, LocalDate day, int expected, int connected,
                             List<String> absentIds) {
    public DistanceDayRow {
        absentIds = absentIds == null ? List.of() : List.copyOf(absentIds);
    }
}
