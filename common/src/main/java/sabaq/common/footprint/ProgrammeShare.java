package sabaq.common.footprint;

import java.util.UUID;

/**
 * A programme's hours against the rules, in academic hours (45 minutes). The base is the planned hours of the
 * programme's non-practice disciplines. Delivered hours come from lesson sessions ({@link LessonSummary#deliveredMs})
 * of lessons linked to those disciplines.
 *
 * @param baseHours              planned academic hours without practice
 * @param plannedSynchronousHours planned synchronous hours without practice
 * @param deliveredSynchronousHours hours delivered in live lessons (teacher present), without practice
 * @param synchronousShare       deliveredSynchronousHours / baseHours (0 when the base is 0)
 * @param synchronousMinimum     0.30 for {@link ProgrammeKind#ONLINE_TVET}, else null (no rule)
 * @param plannedDistanceHours   planned synchronous + asynchronous + distance hours without practice
 * @param distanceShare          (delivered live hours + planned asynchronous and distance hours) / baseHours: the
 *                               share taught away from the classroom
 * @param distanceMaximum        0.20 for {@link ProgrammeKind#FULL_TIME_TVET}, else null (no rule)
 * @param belowSynchronousMinimum true when a minimum applies and the share is below it (exactly 30 % is not below)
 * @param aboveDistanceMaximum   true when a maximum applies and the share is above it (exactly 20 % is not above)
 */
public record ProgrammeShare(UUID programmeId, String name, ProgrammeKind kind, Period period, double baseHours,
                             double plannedSynchronousHours, double deliveredSynchronousHours, double synchronousShare,
                             Double synchronousMinimum, double plannedDistanceHours, double distanceShare,
                             Double distanceMaximum, boolean belowSynchronousMinimum, boolean aboveDistanceMaximum) {
    public static final double SYNCHRONOUS_MINIMUM = 0.30;
    public static final double DISTANCE_MAXIMUM = 0.20;
    public static final long ACADEMIC_HOUR_MS = 45L * 60 * 1000;
}
