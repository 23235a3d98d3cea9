package sabaq.common.footprint;

/** One person's sums over the lessons of a group in a period (the per-student and per-teacher tables). */
public record PersonTotals(String actorId, String name, FootprintRole role, int lessons, long attendedMs,
                           long cameraOnMs, long micOnMs, long speakingMs, int chatMessages, int handRaises) {
}
