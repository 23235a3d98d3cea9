package sabaq.common.footprint;

/**
 * One person in one lesson: when they first joined and last left, and how long they were there with camera and
 * microphone on, spoke, wrote in the chat and raised a hand. Durations are unions of intervals clipped to the time the
 * person was present (a rejoin does not count twice); a person still present at the report's time is counted up to the
 * lesson's end, or up to the last event seen when the lesson has not ended.
 *
 * @param lastLeftAt epoch ms of the last LEFT or REMOVED, or -1 when no leave was recorded
 */
public record AttendanceRow(String lessonId, String actorId, String name, FootprintRole role, boolean guest,
                            long firstJoinedAt, long lastLeftAt, long attendedMs, long cameraOnMs, long micOnMs,
                            long speakingMs, int chatMessages, int handRaises, int joins) {
}
