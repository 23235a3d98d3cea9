package sabaq.common.footprint;

import java.util.Objects;
import java.util.UUID;

/**
 * Where it happened (xAPI "context"): the lesson, and when the lesson belongs to a group, the organisation (school or
 * college), the group (class), and the programme and discipline the lesson was created for. Guest lessons have no
 * organisation, group, programme or discipline (nulls).
 *
 * @param lessonId     the lesson (for {@link FootprintVerb#RECORDING_WATCHED}: the lesson that was recorded)
 * @param orgId        organisation, or null
 * @param groupId      group, or null
 * @param programmeId  programme, or null when unknown
 * @param disciplineId discipline, or null when unknown
 * @param role         the actor's role in the lesson
 */
public record FootprintContext(String lessonId, UUID orgId, UUID groupId, UUID programmeId, UUID disciplineId,
                               FootprintRole role) {
    public FootprintContext {
        Objects.requireNonNull(lessonId, "lessonId");
        Objects.requireNonNull(role, "role");
    }
}
