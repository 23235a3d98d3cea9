package sabaq.media.room;

import java.util.Map;
import java.util.Objects;

/**
 * Picks the active speaker from per-interval audio levels (RFC 6464: 0 = loudest, 127 = silence; only packets
 * flagged as voice count). A new speaker must be the loudest for {@code confirmIntervals} intervals in a row, so a
 * cough does not steal the stage; after {@code silenceIntervals} intervals with nobody above the threshold the
 * speaker becomes null.
 */
final class ActiveSpeakerDetector {
    private final int thresholdDbov;
    private final int confirmIntervals;
    private final int silenceIntervals;
    private String speaker;
    private String candidate;
    private int candidateCount;
    private int silentCount;

    ActiveSpeakerDetector(int thresholdDbov, int confirmIntervals, int silenceIntervals) {
        this.thresholdDbov = thresholdDbov;
        this.confirmIntervals = confirmIntervals;
        this.silenceIntervals = silenceIntervals;
    }

    String speaker() {
        return speaker;
    }

    /** Feeds one interval (peer id → level); returns true when the speaker changed. */
    boolean onInterval(Map<String, Integer> levels) {
        String loudest = null;
        int best = thresholdDbov + 1;
        for (Map.Entry<String, Integer> e : levels.entrySet()) {
            if (e.getValue() < best) {
                best = e.getValue();
                loudest = e.getKey();
            }
        }
        if (loudest == null) {
            candidate = null;
            candidateCount = 0;
            if (speaker != null && ++silentCount >= silenceIntervals) {
                speaker = null;
                silentCount = 0;
                return true;
            }
            return false;
        }
        silentCount = 0;
        if (loudest.equals(speaker)) {
            candidate = null;
            candidateCount = 0;
            return false;
        }
        if (loudest.equals(candidate)) {
            candidateCount++;
        } else {
            candidate = loudest;
            candidateCount = 1;
        }
        if (candidateCount >= confirmIntervals || speaker == null && candidateCount >= 1) {
            boolean changed = !Objects.equals(speaker, loudest);
            speaker = loudest;
            candidate = null;
            candidateCount = 0;
            return changed;
        }
        return false;
    }
}
