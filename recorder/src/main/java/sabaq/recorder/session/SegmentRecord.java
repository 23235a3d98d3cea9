package sabaq.recorder.session;

import java.util.Objects;

/**
 * One stored segment of one track.
 *
 * @param startMillis    wall-clock start (epoch ms), from the run start and the segment's offset in it
 * @param durationMillis media duration of the segment
 * @param width          video width of the run (0 for audio)
 */
public record SegmentRecord(String trackId, String key, String run, int index, long startMillis, long durationMillis,
                            int width, int height, long length, String sha256) {
    public SegmentRecord {
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(run, "run");
    }

    public long endMillis() {
        return startMillis + durationMillis;
    }
}
