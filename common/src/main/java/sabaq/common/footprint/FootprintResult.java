package sabaq.common.footprint;

import java.util.List;

/**
 * What came of it (xAPI "result"): only the field that belongs to the verb is set, the others are 0 / empty / null.
 * Chat text is never part of the footprint, only its length.
 *
 * @param durationMs {@link FootprintVerb#SPOKE}: how long the actor spoke
 * @param watched    {@link FootprintVerb#RECORDING_WATCHED}: the ranges played
 * @param quality    {@link FootprintVerb#CONNECTION_QUALITY}: the sample, else null
 * @param chatLength {@link FootprintVerb#CHAT_SENT}: the message length in characters
 */
public record FootprintResult(long durationMs, List<WatchedRange> watched, QualitySample quality, int chatLength) {
    public static final FootprintResult NONE = new FootprintResult(0, List.of(), null, 0);

    public FootprintResult {
        watched = watched == null ? List.of() : List.copyOf(watched);
    }

    public static FootprintResult spoke(long durationMs) {
        return new FootprintResult(durationMs, List.of(), null, 0);
    }

    public static FootprintResult watched(List<WatchedRange> ranges) {
        return new FootprintResult(0, ranges, null, 0);
    }

    public static FootprintResult quality(QualitySample sample) {
        return new FootprintResult(0, List.of(), sample, 0);
    }

    public static FootprintResult chat(int length) {
        return new FootprintResult(0, List.of(), null, length);
    }

    public boolean isEmpty() {
        return durationMs == 0 && watched.isEmpty() && quality == null && chatLength == 0;
    }
}
